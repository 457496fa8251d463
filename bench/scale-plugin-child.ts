/**
 * The plugin as Obsidian runs it, on the fake Obsidian over the large vault, in a process of its own (run
 * with --expose-gc): onload, the index loading after layout-ready (and the longest the interface stays
 * blocked meanwhile), a rescan with nothing changed, the status view's first paint, and the heap at idle.
 */
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import manifest from "../manifest.json";
import type { IndexSummary } from "../src/core/engine-types";
import PhotoArchivistPlugin from "../src/plugin/main";
import { STATUS_VIEW_TYPE } from "../src/plugin/status/status-view";
import { asRealApp, createFakeApp, setPlatform, type FakeElement } from "../test/fakes/obsidian";
import { LoopProbe } from "./loop-probe";
import { DATA_FOLDER } from "./scale-library-data";

export const PLUGIN_CHILD_FLAG = "--scale-plugin-child";

export interface PluginFigures {
	photos: number;
	onloadMs: number;
	/** Layout-ready to the index loaded (settings read, engine made, index parsed in slices). */
	loadMs: number;
	/** Longest the event loop stayed blocked while the index loaded. */
	loadLongestTaskMs: number;
	/** Times the load yielded to the event loop. */
	loadPauses: number;
	/** Index loaded to the backup manifests loaded as well (the warm-up for the status view), and the longest block meanwhile. */
	manifestsMs: number;
	manifestsLongestTaskMs: number;
	rescanMs: number;
	rescanLongestTaskMs: number;
	rescan: Pick<IndexSummary, "indexed" | "unchanged" | "created" | "updated" | "missing">;
	/** Files the vault wrote during the rescan (notes, the index). */
	rescanWrites: number;
	/** Opening the status view until its first paint. */
	firstPaintMs: number;
	/** Photo rows painted by the first paint, and photos at risk in all. */
	paintedRows: number;
	atRisk: number;
	/** The status counted again after a change (a verification recorded): the at-risk query, and the longest block meanwhile. */
	atRiskQueryMs: number;
	atRiskQueryLongestTaskMs: number;
	/** Heap and array buffers the plugin holds at idle (after GC), on top of the fake Obsidian's own, MB (10^6 bytes). */
	heapMb: number;
}

type Gc = () => void;

function collect(): number {
	const gc = (globalThis as { gc?: Gc }).gc;
	if (gc === undefined) throw new Error("run the plugin child with node --expose-gc");
	gc();
	gc();
	// The index keeps its file's buffer for the metadata columns: array buffers count as the plugin's memory too.
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.arrayBuffers;
}

function countRows(el: FakeElement): number {
	return el.descendants().filter((e) => e.tag === "li" && e.parent?.hasClass("photo-archivist-status-photos") === true).length;
}

export async function pluginChildMain(vault: string): Promise<void> {
	setPlatform("desktop");
	let pauses = 0;
	// Obsidian's global sleep(), which the plugin awaits between slices of a long load.
	(globalThis as { sleep?: (ms: number) => Promise<void> }).sleep = (ms) => {
		pauses++;
		return new Promise((resolve) => setTimeout(resolve, ms));
	};
	// Obsidian's own vault tree (a TFile per file, sizes and times in memory): its cost is Obsidian's, not ours.
	const app = createFakeApp(vault);
	// Obsidian desktop reads a data file through Node's asynchronous fs (the bytes land off the main thread); the
	// fake reads synchronously, which would count the disk's time as time the interface is blocked.
	const adapter = app.vault.adapter;
	adapter.read = (path) => readFile(adapter.getFullPath(path), "utf8");
	adapter.readBinary = async (path) => {
		const bytes = await readFile(adapter.getFullPath(path));
		// A large file's Buffer owns its memory: handed over as it is, not copied.
		const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
		return whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
	};
	const plugin = new PhotoArchivistPlugin(asRealApp(app), { ...manifest, dir: DATA_FOLDER });
	const baseline = collect();
	// A forced collection of the fake's large heap leaves sweeping to do, which the next allocations pay for: the
	// few milliseconds of onload would measure the collector. Obsidian loads plugins with no such debt pending.
	await new Promise((resolve) => setTimeout(resolve, 500));
	const t0 = performance.now();
	plugin.load();
	const onloadMs = performance.now() - t0;

	const loadProbe = new LoopProbe().start();
	const t1 = performance.now();
	app.workspace.triggerLayoutReady();
	await plugin.ready;
	const engine = plugin.indexing.currentEngine;
	if (engine === null) throw new Error("the plugin made no engine");
	await engine.load();
	const loadMs = performance.now() - t1;
	const loadLongestTaskMs = loadProbe.stop();
	const loadPauses = pauses;
	const warmProbe = new LoopProbe().start();
	await plugin.indexing.idle();
	const manifestsMs = performance.now() - t1 - loadMs;
	const manifestsLongestTaskMs = warmProbe.stop();

	app.vault.resetCounters();
	const rescanProbe = new LoopProbe().start();
	const t2 = performance.now();
	const summary = await plugin.indexing.withEngine((e) => e.indexAll());
	const rescanMs = performance.now() - t2;
	const rescanLongestTaskMs = rescanProbe.stop();
	const rescanWrites = app.vault.totalWrites();

	const t3 = performance.now();
	await plugin.status.open();
	const firstPaintMs = performance.now() - t3;
	const leaf = app.workspace.getLeavesOfType(STATUS_VIEW_TYPE)[0];
	const view = leaf?.view as unknown as { contentEl: FakeElement; idle(): Promise<void> } | undefined;
	if (leaf === undefined || view === undefined) throw new Error("the status view did not open");
	const paintedRows = countRows(view.contentEl);
	await view.idle();
	// Closed, so the count below is the query's own, not a repaint's. Any change to what the status counts
	// (here a verification recorded) makes the next query count again.
	await leaf.detach();
	await engine.status.recordVerification("nas", { at: new Date().toISOString(), kind: "quick", checked: summary.photos, problems: 0 });
	const queryProbe = new LoopProbe().start();
	const t4 = performance.now();
	const status = await engine.status.compute();
	const atRiskQueryMs = performance.now() - t4;
	const atRiskQueryLongestTaskMs = queryProbe.stop();

	const heapMb = (collect() - baseline) / 1e6;
	const figures: PluginFigures = {
		photos: summary.photos, onloadMs, loadMs, loadLongestTaskMs, loadPauses, manifestsMs, manifestsLongestTaskMs, rescanMs, rescanLongestTaskMs,
		rescan: { indexed: summary.indexed, unchanged: summary.unchanged, created: summary.created, updated: summary.updated, missing: summary.missing },
		rescanWrites, firstPaintMs, paintedRows, atRisk: status.atRisk.length, atRiskQueryMs, atRiskQueryLongestTaskMs, heapMb,
	};
	plugin.unload();
	process.stdout.write(JSON.stringify(figures) + "\n");
}
