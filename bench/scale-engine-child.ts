/**
 * The engine as the CLI runs it, in a process of its own, over the large vault and a data folder whose
 * manifests say every photo is backed up: loading the index, planning a backup to three targets with nothing
 * to upload (every request counted), and a quick verification of every copy on a real Apache server.
 */
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { NodeDataStore } from "../src/adapters/node/node-data-store";
import { NodeFileStore } from "../src/adapters/node/node-file-store";
import { NodeNoteStore } from "../src/adapters/node/node-note-store";
import { openCliTarget } from "../src/cli/cli-open-target";
import type { OpenTarget } from "../src/core/backup/backup-types";
import { createPhotoEngine } from "../src/core/engine";
import type { TargetConfig } from "../src/core/model/target-config";
import { TargetError } from "../src/core/model/target-error";
import type { Target } from "../src/core/ports/target";
import { DEFAULT_INDEX_SETTINGS } from "../src/core/settings";
import { LoopProbe } from "./loop-probe";

export const ENGINE_CHILD_FLAG = "--scale-engine-child";

export interface EngineSpec {
	vault: string;
	dataFolder: string;
	/** Planned against, never reached: any request to them is counted and refused. */
	planTargets: TargetConfig[];
	/** The Apache target to verify, when Apache is installed. */
	verifyTarget: TargetConfig | null;
}

export interface EngineFigures {
	photos: number;
	/** engine.load() in the CLI: the index read and parsed in one go (nothing to keep responsive). */
	loadMs: number;
	loadLongestTaskMs: number;
	/** A backup run to the three targets with nothing to upload, the manifests read from disk first. */
	planMs: number;
	/** The same run again, manifests in memory. */
	planAgainMs: number;
	planRequests: number;
	uploaded: number;
	skipped: number;
	verify: { ms: number; requests: number; folders: number; copies: number; present: number; problems: number; failed: number } | null;
}

/** A target that must not be asked anything: each call is counted, then refused. */
function refusingTarget(count: () => void): Target {
	const refuse = (): Promise<never> => {
		count();
		return Promise.reject(new TargetError("transient", "the benchmark's planning target was asked something"));
	};
	return {
		capabilities: { quota: false, resumableUpload: false },
		stat: refuse, list: refuse, read: refuse, put: refuse, move: refuse, remove: refuse, quota: refuse,
	};
}

export async function engineChildMain(specFile: string): Promise<void> {
	const spec = JSON.parse(await readFile(specFile, "utf8")) as EngineSpec;
	let planRequests = 0;
	const verifyId = spec.verifyTarget?.id;
	const openTarget: OpenTarget = (config) => (config.id === verifyId ? openCliTarget(config) : Promise.resolve(refusingTarget(() => planRequests++)));
	const targets = [...spec.planTargets, ...(spec.verifyTarget ? [spec.verifyTarget] : [])];
	const engine = createPhotoEngine(
		{
			files: new NodeFileStore(spec.vault),
			notes: new NodeNoteStore(spec.vault),
			data: new NodeDataStore(spec.dataFolder),
			openTarget,
			platform: "cli",
		},
		{ ...DEFAULT_INDEX_SETTINGS },
		{ targets, afterIndex: false, everyMinutes: 0, mobileMaxFileBytes: 50_000_000 },
	);

	const probe = new LoopProbe().start();
	const t0 = performance.now();
	await engine.load();
	const loadMs = performance.now() - t0;
	const loadLongestTaskMs = probe.stop();

	const planIds = spec.planTargets.map((t) => t.id);
	const t1 = performance.now();
	const plan = await engine.backup.backup({ targetIds: planIds });
	const planMs = performance.now() - t1;
	const t2 = performance.now();
	await engine.backup.backup({ targetIds: planIds });
	const planAgainMs = performance.now() - t2;
	for (const t of plan.targets) if (t.stopped !== undefined) throw new Error(`planning stopped on ${t.name}: ${t.stopped}`);

	let verify: EngineFigures["verify"] = null;
	if (verifyId !== undefined) {
		const t3 = performance.now();
		const summary = await engine.verify.verify({ targetIds: [verifyId] });
		const ms = performance.now() - t3;
		const result = summary.targets[0];
		if (result === undefined) throw new Error("the verification checked no target");
		if (result.stopped !== undefined) throw new Error(`the verification stopped: ${result.stopped}`);
		verify = {
			ms, requests: result.requests, folders: result.folders, copies: result.copies, present: result.present,
			problems: result.problems.length, failed: result.failed.length,
		};
	}

	const figures: EngineFigures = {
		photos: [...engine.records()].length, loadMs, loadLongestTaskMs, planMs, planAgainMs, planRequests,
		uploaded: plan.targets.reduce((n, t) => n + t.uploaded, 0),
		skipped: plan.targets.reduce((n, t) => n + t.skipped, 0),
		verify,
	};
	process.stdout.write(JSON.stringify(figures) + "\n");
}
