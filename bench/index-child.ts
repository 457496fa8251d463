/**
 * One index run in a process of its own, as a fresh CLI run would do it: its timings and its own peak memory
 * are printed as one JSON line, so the benchmark's own memory (the corpus, the vault it wrote) is not counted.
 */
import { performance } from "node:perf_hooks";
import { openVault } from "../src/cli/vault";
import { runJsonChild } from "./json-child";

export const CHILD_FLAG = "--index-child";

export interface ChildResult {
	/** openVault: settings read and the index loaded from disk. */
	openMs: number;
	/** engine.indexAll(). */
	indexMs: number;
	/** CPU time (user + system, all threads) this process spent in indexAll(): what other load on the machine does not inflate. */
	indexCpuMs: number;
	photos: number;
	indexed: number;
	created: number;
	unchanged: number;
	failed: { path: string; reason: string }[];
	/** process.resourceUsage().maxRSS at the end: the peak resident set of this process, KB. */
	maxRssKb: number;
	/** Spawn to exit, measured by the parent: includes Node's start-up and loading the bundle. */
	wallMs: number;
}

/** The child's side: runs in the process started by runIndexChild. */
export async function childMain(vault: string): Promise<void> {
	const t0 = performance.now();
	const { engine } = await openVault(vault);
	const t1 = performance.now();
	const cpu = process.cpuUsage();
	const summary = await engine.indexAll();
	const t2 = performance.now();
	const used = process.cpuUsage(cpu);
	const result: Omit<ChildResult, "wallMs"> = {
		openMs: t1 - t0,
		indexMs: t2 - t1,
		indexCpuMs: (used.user + used.system) / 1000,
		photos: summary.photos,
		indexed: summary.indexed,
		created: summary.created,
		unchanged: summary.unchanged,
		failed: summary.failed,
		maxRssKb: process.resourceUsage().maxRSS,
	};
	process.stdout.write(JSON.stringify(result) + "\n");
}

/** The parent's side: starts this same bundle in child mode over `vault` and reads its result. */
export async function runIndexChild(vault: string, nodeFlags: string[] = []): Promise<ChildResult> {
	const run = await runJsonChild<Omit<ChildResult, "wallMs">>(__filename, [CHILD_FLAG, vault], nodeFlags);
	return { ...run.result, wallMs: run.wallMs };
}
