/**
 * The duplicates half of the plugin: "Find duplicate photos" (a notice follows the search, then the report
 * note opens), "Cancel finding duplicates", "Keep this photo, remove its duplicates" on the current photo
 * or its note, and the obsidian:// handler behind the report's "Keep this one" links. Every keep goes
 * through a confirmation that lists what goes to the trash.
 */
import { Notice, type App, type Command, type ObsidianProtocolHandler } from "obsidian";
import type { DuplicateGroup } from "../../core/duplicates/duplicate-types";
import { KEEP_ACTION } from "../../core/duplicates/report-note";
import { describeError } from "../../core/model/errors";
import type { IndexService } from "../indexing/index-service";
import { findSummaryText, keepResultText, throttledDuplicateProgress } from "./duplicates-text";
import { KeepDuplicatesModal } from "./keep-modal";

export interface DuplicatesShellHost {
	app: App;
	indexing: IndexService;
	/** The look-alike threshold as set now (read at each search, so a changed setting applies at once). */
	threshold: () => number;
	addCommand(command: Command): unknown;
	registerObsidianProtocolHandler(action: string, handler: ObsidianProtocolHandler): void;
}

export interface DuplicatesShell {
	/** Settles when no search, lookup or keep is running (tests wait on it). */
	idle(): Promise<void>;
}

const NOTICE_MS = 10_000;
const CANCEL_HINT = "\nRun “Cancel finding duplicates” to stop.";

export function setUpDuplicates(host: DuplicatesShellHost): DuplicatesShell {
	const { app, indexing } = host;
	let search: AbortController | null = null;
	let current: Promise<void> = Promise.resolve();
	const track = (work: Promise<void>): void => {
		current = Promise.allSettled([current, work]).then(() => undefined);
	};

	const find = async (): Promise<void> => {
		if (search !== null) {
			new Notice("A duplicate search is already running.");
			return;
		}
		const controller = new AbortController();
		search = controller;
		const notice = new Notice(`Finding duplicate photos…${CANCEL_HINT}`, 0);
		try {
			const report = await indexing.withEngine((engine) => engine.duplicates.find({
				threshold: host.threshold(),
				signal: controller.signal,
				vaultName: app.vault.getName(),
				onProgress: throttledDuplicateProgress((text) => notice.setMessage(text + CANCEL_HINT)),
			}));
			notice.setMessage(findSummaryText(report));
			if (report.note !== null) await app.workspace.openLinkText(report.note, "", false);
		} catch (error) {
			notice.setMessage(`Finding duplicates failed: ${describeError(error)}`);
		} finally {
			search = null;
			window.setTimeout(() => notice.hide(), NOTICE_MS);
		}
	};

	const keep = async (kept: string, others: string[]): Promise<void> => {
		try {
			const result = await indexing.withEngine((engine) => engine.duplicates.keep(kept, others));
			new Notice(keepResultText(result), result.failed.length > 0 ? 0 : NOTICE_MS);
		} catch (error) {
			new Notice(`Nothing was moved: ${describeError(error)}`, 0);
		}
	};

	/** Looks the photo's group up now (the library may have changed since the report) and asks before acting. */
	const offerKeep = async (photoPath: string): Promise<void> => {
		let group: DuplicateGroup | null;
		try {
			group = await indexing.withEngine((engine) => engine.duplicates.groupOf(photoPath, { threshold: host.threshold() }));
		} catch (error) {
			new Notice(`Could not look for duplicates of ${photoPath}: ${describeError(error)}`);
			return;
		}
		if (group === null) {
			new Notice(`${photoPath} has no duplicates now.`);
			return;
		}
		new KeepDuplicatesModal(app, photoPath, group, (others) => track(keep(photoPath, others))).open();
	};

	const currentPhoto = (): string | null => {
		const file = app.workspace.getActiveFile();
		if (file === null) return null;
		return indexing.noteOf(file.path) !== null ? file.path : indexing.photoOfNote(file.path);
	};

	const commands: Command[] = [
		{ id: "find-duplicates", name: "Find duplicate photos", callback: () => track(find()) },
		{
			id: "cancel-find-duplicates",
			name: "Cancel finding duplicates",
			checkCallback: (checking) => {
				if (search === null) return false;
				if (!checking) search.abort();
				return true;
			},
		},
		{
			id: "keep-photo-remove-duplicates",
			name: "Keep this photo, remove its duplicates",
			checkCallback: (checking) => {
				const photo = currentPhoto();
				if (photo === null) return false;
				if (!checking) track(offerKeep(photo));
				return true;
			},
		},
	];
	for (const command of commands) host.addCommand(command);
	host.registerObsidianProtocolHandler(KEEP_ACTION, (params) => {
		const photo = params.photo;
		if (typeof photo === "string" && photo !== "") track(offerKeep(photo));
	});
	return { idle: () => current };
}
