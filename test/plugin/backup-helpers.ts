// Helpers of the backup shell tests: the dialogs and settings rows the user clicks, and what data.json holds.
import * as fs from "node:fs";
import * as path from "node:path";
import type { PluginData } from "../../src/plugin/settings/settings";
import { ButtonComponent, Modal, settingsIn, type FakeElement, type Setting, type SettingTab } from "../fakes/obsidian";
import { DATA_JSON, type Harness } from "./plugin-harness";

export function settingsTab(h: Harness): SettingTab {
	const [tab] = h.fake.settingTabs;
	if (!tab) throw new Error("no settings tab");
	tab.display();
	return tab;
}

/**
 * The dialog on top, which must be a `kind`. Plugin classes are typed against the real Modal and built on
 * the fake one at run time: the result is both, so tests reach the fake's elements and the class's own fields.
 */
export function topModal<M extends object>(kind: abstract new (...args: never[]) => M): Modal & M {
	const modal: unknown = Modal.open[Modal.open.length - 1];
	if (!(modal instanceof kind) || !(modal instanceof Modal)) throw new Error(`the open dialog is not a ${kind.name}`);
	return modal as Modal & M;
}

/** The row of `container` named `name`, or the unnamed row holding a button with that text. */
export function row(container: FakeElement, name: string): Setting {
	const rows = settingsIn(container);
	const found = rows.find((s) => s.name === name) ?? rows.find((s) => s.components.some((c) => c instanceof ButtonComponent && c.text === name));
	if (!found) throw new Error(`no row "${name}" among: ${rows.map((s) => s.name || "(buttons)").join(", ")}`);
	return found;
}

/** Clicks the button and waits for what its handler started (Obsidian ignores the promise; tests need it). */
export async function click(container: FakeElement, text: string): Promise<void> {
	await row(container, text).button(text).click();
}

export function readData(h: Harness): PluginData & Record<string, unknown> {
	return JSON.parse(fs.readFileSync(path.join(h.root, DATA_JSON), "utf8")) as PluginData & Record<string, unknown>;
}

export function dataText(h: Harness): string {
	return fs.readFileSync(path.join(h.root, DATA_JSON), "utf8");
}
