/** The benchmark's result as one Markdown table (pasteable into the README) plus the facts needed to read it. */
import { cpus } from "node:os";
import type { ChildResult } from "./index-child";
import type { ExiftoolRun, ProcessRun } from "./external-runs";
import { EXIFTOOL_MISSING } from "./external-runs";
import type { MadeVault } from "./make-vault";

export interface BenchFigures {
	n: number;
	cold: ChildResult;
	rescan: ChildResult;
	cli: ProcessRun;
	exiftool: ExiftoolRun | null;
}

export interface BenchFacts {
	vault: MadeVault;
	corpusFiles: number;
	exiftoolVersion: string | null;
	/** One-minute load average when the timed part began. */
	load: number;
}

/** Rescans take about a second, where a moment of other work on the machine shows: the median of a few runs. */
export const RESCAN_RUNS = 3;

const GOALS = { ratio: 10, rescanMs: 1000, peakBytes: 300e6 } as const;

type Row = [what: string, measured: string, goal: string, met: string];

const seconds = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const milliseconds = (ms: number): string => `${Math.round(ms)} ms`;
const megabytes = (kb: number): string => `${Math.round((kb * 1024) / 1e6)} MB`;
const rate = (n: number, ms: number): string => `${Math.round(n / (ms / 1000)).toLocaleString("en-US")} files/s`;
const met = (ok: boolean): string => (ok ? "yes" : "**no**");

function figureRows(f: BenchFigures): Row[] {
	const rows: Row[] = [
		["cold index (this engine)", `${seconds(f.cold.indexMs)} (${rate(f.n, f.cold.indexMs)})`, "", ""],
	];
	if (f.exiftool) {
		const ratio = f.exiftool.wallMs / f.cold.indexMs;
		rows.push(
			["exiftool read", `${seconds(f.exiftool.wallMs)} (${rate(f.exiftool.filesRead, f.exiftool.wallMs)})`, "", ""],
			["ratio (exiftool ÷ cold index)", `${ratio.toFixed(1)}×`, `≥ ${GOALS.ratio}×`, met(ratio >= GOALS.ratio)],
		);
	} else {
		rows.push(["exiftool read", EXIFTOOL_MISSING, "", ""], ["ratio (exiftool ÷ cold index)", "not measured", `≥ ${GOALS.ratio}×`, "?"]);
	}
	const peak = (kb: number): boolean => kb * 1024 < GOALS.peakBytes;
	rows.push(
		["load index", milliseconds(f.rescan.openMs), "", ""],
		["rescan (in-process)", milliseconds(f.rescan.indexMs), "< 1 s", met(f.rescan.indexMs < GOALS.rescanMs)],
		["rescan (CLI process)", milliseconds(f.cli.wallMs), "< 1 s", met(f.cli.wallMs < GOALS.rescanMs)],
		["peak RSS (cold index process)", megabytes(f.cold.maxRssKb), "< 300 MB", met(peak(f.cold.maxRssKb))],
	);
	if (f.cli.maxRssKb !== null) {
		rows.push(["peak RSS (rescan, CLI process)", megabytes(f.cli.maxRssKb), "< 300 MB", met(peak(f.cli.maxRssKb))]);
	}
	return rows;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]?.length ?? 0)));
	const line = (cells: readonly string[]): string => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`;
	return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** What each figure covers, so nobody reads more into it than was measured. */
const MEASUREMENT_NOTES = `Measured:
- cold index: engine.indexAll() on the fresh vault (metadata, SHA-256 of every byte, one note per photo,
  index saved), timed inside its own Node process after openVault; all photos in the OS page cache.
- exiftool read: wall time of \`exiftool -fast -json -n -r Photos\` (one process), output to /dev/null.
- load index / rescan (in-process): a new process and a new engine: openVault (settings + index read from
  disk), then indexAll() with nothing changed; median of ${RESCAN_RUNS} runs.
- rescan (CLI process): wall time of \`node dist/cli.cjs index <vault> --json\`, Node start-up included;
  median of ${RESCAN_RUNS} runs.
- peak RSS: the whole Node process that ran the cold index (process.resourceUsage().maxRSS); the CLI's
  from GNU time -v (highest of its runs). 1 MB = 10^6 bytes.`;

/** CPU time next to wall time: on a busy machine the wall times stretch, the CPU times much less. */
function cpuLine(f: BenchFigures): string {
	const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
	const tool = f.exiftool?.cpuMs != null
		? `; exiftool ${s(f.exiftool.cpuMs)} (ratio by CPU time ${(f.exiftool.cpuMs / f.cold.indexCpuMs).toFixed(1)}×)`
		: "";
	return `CPU time (user + system): cold index ${s(f.cold.indexCpuMs)} (process wall ${s(f.cold.wallMs)})${tool}`;
}

export function formatReport(f: BenchFigures, facts: BenchFacts): string {
	const cpu = cpus();
	return [
		markdownTable(["", "measured", "goal", "met?"], figureRows(f)),
		"",
		`Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? "unknown"}), Node ${process.version}, ` +
			`${process.platform} ${process.arch}${facts.exiftoolVersion ? `, ExifTool ${facts.exiftoolVersion}` : ""}; ` +
			`load average ${facts.load.toFixed(2)} when timing began`,
		`N = ${facts.vault.files} photos in ${facts.vault.folders} folders, ${facts.vault.bytes.toLocaleString("en-US")} bytes ` +
			`(${facts.corpusFiles} corpus files round-robin, broken ones included); cold index: ${f.cold.photos} indexed, ` +
			`${f.cold.failed.length} failed`,
		cpuLine(f),
		"",
		MEASUREMENT_NOTES,
	].join("\n");
}
