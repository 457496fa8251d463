/** The result of `npm run bench:scale` as one Markdown table (each measure at each N, against the 100k budget) plus the facts to read it by. */
import { cpus } from "node:os";
import type { ChildResult } from "./index-child";
import type { ProcessRun } from "./external-runs";
import { markdownTable } from "./report-table";
import type { EngineFigures } from "./scale-engine-child";
import type { PluginFigures } from "./scale-plugin-child";

export interface ScaleFigures {
	n: number;
	folders: number;
	bytes: number;
	/** Null when the cold index was not run this time (--reuse). */
	cold: ChildResult | null;
	indexBytes: number;
	cli: ProcessRun;
	/** What the CLI rescan read again and wrote (both must be 0). */
	cliIndexed: number;
	cliNotesWritten: number;
	plugin: PluginFigures;
	engine: EngineFigures;
}

export interface ScaleFacts {
	commit: string;
	load: number;
	apache: string | null;
	/** How fast this machine was at the time, for readers on other machines (see machineReference). */
	reference: { loopMs: number; freshMemoryMs: number };
}

/**
 * Two fixed pieces of work timed when the benchmark starts: plain arithmetic, and filling 100 MB of memory the
 * process never touched (the page faults a large heap or a large file costs). A shared or virtual machine can
 * be far slower at the second than at the first; the figures above scale with both.
 */
export function machineReference(): { loopMs: number; freshMemoryMs: number } {
	let t = performance.now();
	let sum = 0;
	for (let i = 0; i < 1e8; i++) sum += i & 7;
	const loopMs = performance.now() - t + (sum < 0 ? 1 : 0);
	t = performance.now();
	new Uint8Array(100e6).fill(1);
	return { loopMs, freshMemoryMs: performance.now() - t };
}

const ms = (v: number): string => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;
const count = (v: number): string => v.toLocaleString("en-US");
const met = (ok: boolean): string => (ok ? "yes" : "**no**");

interface Measure {
	what: string;
	cell: (f: ScaleFigures, all: readonly ScaleFigures[]) => string;
	budget: string;
	/** Judged on the largest N measured; absent for figures that have no budget. */
	ok?: (f: ScaleFigures, all: readonly ScaleFigures[]) => boolean | null;
}

function growth(f: ScaleFigures, all: readonly ScaleFigures[]): number | null {
	const smaller = all.find((g) => g.n * 10 === f.n);
	return f.cold && smaller?.cold ? f.cold.indexMs / smaller.cold.indexMs : null;
}

const MEASURES: Measure[] = [
	{ what: "plugin onload", cell: (f) => ms(f.plugin.onloadMs), budget: "< 20 ms", ok: (f) => f.plugin.onloadMs < 20 },
	{ what: "index load after layout-ready (Obsidian)", cell: (f) => ms(f.plugin.loadMs), budget: "< 300 ms", ok: (f) => f.plugin.loadMs < 300 },
	{ what: "longest blocking task during that load", cell: (f) => `${ms(f.plugin.loadLongestTaskMs)} (${count(f.plugin.loadPauses)} yields)`, budget: "< 50 ms", ok: (f) => f.plugin.loadLongestTaskMs < 50 },
	{
		what: "then the 3 manifests (status warm-up)",
		cell: (f) => `${ms(f.plugin.manifestsMs)} (longest task ${ms(f.plugin.manifestsLongestTaskMs)})`,
		budget: "",
	},
	{ what: "index load (CLI, in one go)", cell: (f) => ms(f.engine.loadMs), budget: "< 300 ms", ok: (f) => f.engine.loadMs < 300 },
	{ what: "index file", cell: (f) => `${(f.indexBytes / f.n).toFixed(0)} B/photo (${mb(f.indexBytes)})`, budget: "compact" },
	{ what: "rescan, nothing changed: CLI process", cell: (f) => ms(f.cli.wallMs), budget: "< 2 s", ok: (f) => f.cli.wallMs < 2000 },
	{ what: "rescan, nothing changed: in Obsidian", cell: (f) => ms(f.plugin.rescanMs), budget: "< 0.5 s", ok: (f) => f.plugin.rescanMs < 500 },
	{ what: "longest blocking task during that rescan", cell: (f) => ms(f.plugin.rescanLongestTaskMs), budget: "" },
	{
		what: "files read again / notes written by rescans",
		cell: (f) => `${f.cliIndexed + f.plugin.rescan.indexed} / ${f.cliNotesWritten + f.plugin.rescanWrites}`,
		budget: "0 / 0",
		ok: (f) => f.cliIndexed + f.plugin.rescan.indexed + f.cliNotesWritten + f.plugin.rescanWrites === 0,
	},
	{ what: "cold index (metadata, hash, notes)", cell: (f) => (f.cold ? `${ms(f.cold.indexMs)} (${count(Math.round(f.n / (f.cold.indexMs / 1000)))}/s)` : "not run (--reuse)"), budget: "" },
	{
		what: "cold index growth (N ÷ N/10)",
		cell: (f, all) => {
			const g = growth(f, all);
			return g === null ? "" : `${g.toFixed(1)}×`;
		},
		budget: "≤ 12×",
		ok: (f, all) => {
			const g = growth(f, all);
			return g === null ? null : g <= 12;
		},
	},
	{ what: "peak RSS, cold index process", cell: (f) => (f.cold ? mb(f.cold.maxRssKb * 1024) : ""), budget: "< 500 MB", ok: (f) => (f.cold ? f.cold.maxRssKb * 1024 < 500e6 : null) },
	{ what: "backup planning, nothing to upload, 3 targets", cell: (f) => `${ms(f.engine.planMs)} (again: ${ms(f.engine.planAgainMs)})`, budget: "< 1 s", ok: (f) => f.engine.planMs < 1000 },
	{ what: "requests sent while planning", cell: (f) => count(f.engine.planRequests), budget: "0", ok: (f) => f.engine.planRequests === 0 },
	{ what: "quick verify of every copy on Apache", cell: (f) => (f.engine.verify ? ms(f.engine.verify.ms) : "not run"), budget: "" },
	{
		what: "requests sent by it / folders",
		cell: (f) => (f.engine.verify ? `${count(f.engine.verify.requests)} / ${count(f.engine.verify.folders)}` : ""),
		budget: "1 per folder",
		ok: (f) => (f.engine.verify ? f.engine.verify.requests === f.engine.verify.folders : null),
	},
	{ what: "status view first paint", cell: (f) => ms(f.plugin.firstPaintMs), budget: "< 200 ms", ok: (f) => f.plugin.firstPaintMs < 200 },
	{ what: "at-risk query (status counted again)", cell: (f) => `${ms(f.plugin.atRiskQueryMs)} (${count(f.plugin.atRisk)} at risk)`, budget: "< 200 ms", ok: (f) => f.plugin.atRiskQueryMs < 200 },
	{ what: "longest blocking task during that count", cell: (f) => ms(f.plugin.atRiskQueryLongestTaskMs), budget: "< 50 ms", ok: (f) => f.plugin.atRiskQueryLongestTaskMs < 50 },
	{ what: "photo rows in the first paint", cell: (f) => count(f.plugin.paintedRows), budget: "paged", ok: (f) => f.plugin.paintedRows <= 100 },
	{ what: "plugin heap + array buffers at idle (after GC)", cell: (f) => `${f.plugin.heapMb.toFixed(0)} MB`, budget: "< 150 MB", ok: (f) => f.plugin.heapMb < 150 },
];

/** Runs of each child process; each figure is the best of them. */
export const RUNS = 3;

const MEASUREMENT_NOTES = `Measured:
- Obsidian rows: the plugin (src/plugin/main.ts) on the fake Obsidian API over the vault on disk, in a Node process
  of its own (--expose-gc); the fake's vault tree, like Obsidian's, holds every file's size and mtime in memory.
  "Longest blocking task": the longest gap between two turns of a timer re-armed at every turn of the event loop.
- index load after layout-ready: settings read, engine made, index file read and parsed in slices, until
  engine.load() resolves; "then the 3 manifests" is the background warm-up that follows (manifests and a first
  count of the status, in slices too).
- CLI rescan: wall time of \`node dist/cli.cjs index <vault> --json\` (Node start-up included).
- cold index: engine.indexAll() over the fresh vault in its own process (no notes, no index), photos in the page cache.
- planning: engine.backup.backup() to three targets whose manifests (in the data folder) hold every photo; each
  target refuses and counts any request. "again": the same run with the manifests already in memory.
- quick verify: engine.verify.verify() of one WebDAV target on a local Apache (mod_dav_fs) whose folder holds
  every photo (hard links), timed in the engine's process; requests counted by the engine.
- status: the view opened until its first paint, with one photo in 10 not on the offsite target (so 10% at risk);
  the at-risk query is engine.status.compute() after a verification was recorded (so the status is counted again).
- every figure from a child process is the best of ${RUNS} runs (the machine is shared; the best run is the one least
  slowed by others), except quick verify (one run).
- heap: process.memoryUsage().heapUsed + arrayBuffers after GC with everything above done, minus the same before the
  plugin loaded (the index keeps its file's buffer for the metadata columns: that counts).`;

export function formatScaleReport(all: readonly ScaleFigures[], facts: ScaleFacts): string {
	const largest = all[all.length - 1];
	const header = ["", ...all.map((f) => `${count(f.n)} photos`), "budget (100k)", `met? (${largest ? count(largest.n) : "-"})`];
	const rows = MEASURES.map((m) => {
		const verdict = largest && m.ok ? m.ok(largest, all) : null;
		return [m.what, ...all.map((f) => m.cell(f, all)), m.budget, verdict === null ? "" : met(verdict)];
	});
	const cpu = cpus();
	return [
		markdownTable(header, rows),
		"",
		`Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? "unknown"}), Node ${process.version}, ${process.platform} ${process.arch}; ` +
			`load average ${facts.load.toFixed(2)} when timing began; commit ${facts.commit}${facts.apache ? `; ${facts.apache}` : ""}`,
		`Reference work at the start: a 10^8-step loop ${ms(facts.reference.loopMs)}, 100 MB of fresh memory filled ${ms(facts.reference.freshMemoryMs)}`,
		...all.map((f) => `N = ${count(f.n)}: ${count(f.folders)} folders, ${(f.bytes / 1e9).toFixed(2)} GB of photos`),
		"",
		MEASUREMENT_NOTES,
	].join("\n");
}
