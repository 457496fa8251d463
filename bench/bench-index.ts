/**
 * `npm run bench:index`: makes N distinct photos from the corpus in a temporary vault, then times a cold index,
 * a rescan with nothing changed and ExifTool's read of the same files, and prints one table against the goals.
 */
import { existsSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { BenchUsageError, parseBenchOptions, USAGE, type BenchOptions } from "./bench-options";
import { checkVariants } from "./check-variants";
import { EXIFTOOL_MISSING, exiftoolVersion, flushWrites, timeExiftool, timeProcess, type ProcessRun } from "./external-runs";
import { CHILD_FLAG, childMain, runIndexChild, type ChildResult } from "./index-child";
import { CorpusMissingError, loadCorpus, makeVault, type MadeVault } from "./make-vault";
import { formatReport, RESCAN_RUNS, type BenchFigures } from "./report-table";

const REPO_ROOT = resolve(__dirname, "..");
const CLI = join(__dirname, "cli.cjs");

function step(text: string): void {
	process.stderr.write(`${text}\n`);
}

/** A run that did something other than what it is meant to measure makes its figure meaningless: say so. */
function checkRun(label: string, run: ChildResult, expected: { indexed: number; unchanged: number }): void {
	if (run.indexed + run.failed.length !== expected.indexed || run.unchanged !== expected.unchanged) {
		step(`  warning: ${label} read ${run.indexed} files and found ${run.unchanged} unchanged; expected ` +
			`${expected.indexed} read and ${expected.unchanged} unchanged`);
	}
	for (const failure of run.failed.slice(0, 3)) step(`  ${label}: failed ${failure.path}: ${failure.reason}`);
	if (run.failed.length > 3) step(`  ${label}: … ${run.failed.length - 3} more failures`);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function medianChild(runs: ChildResult[]): ChildResult {
	const first = runs[0] as ChildResult;
	return {
		...first,
		openMs: median(runs.map((r) => r.openMs)),
		indexMs: median(runs.map((r) => r.indexMs)),
		maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)),
	};
}

function medianProcess(runs: ProcessRun[]): ProcessRun {
	const first = runs[0] as ProcessRun;
	const rss = runs.map((r) => r.maxRssKb).filter((kb): kb is number => kb !== null);
	return { ...first, wallMs: median(runs.map((r) => r.wallMs)), maxRssKb: rss.length > 0 ? Math.max(...rss) : null };
}

/** The timed part: ExifTool, then the cold index, the rescan in a new process, and the rescan by the CLI. */
async function measure(options: BenchOptions, vault: string, made: MadeVault, withExiftool: boolean): Promise<BenchFigures> {
	step(withExiftool ? "timing exiftool…" : EXIFTOOL_MISSING);
	const exiftool = withExiftool ? await timeExiftool(made.photosFolder) : null;
	if (exiftool && exiftool.filesRead !== made.files) step(`  warning: exiftool read ${exiftool.filesRead} of ${made.files} files`);
	const profile = (name: string): string[] =>
		options.profileDir ? ["--cpu-prof", "--cpu-prof-dir", options.profileDir, "--cpu-prof-name", `${name}.cpuprofile`] : [];
	step("timing the cold index…");
	const cold = await runIndexChild(vault, profile("cold-index"));
	checkRun("cold index", cold, { indexed: made.files, unchanged: 0 });
	step(`timing the rescan (${RESCAN_RUNS} times in a new process, ${RESCAN_RUNS} times by the CLI)…`);
	const rescans: ChildResult[] = [];
	for (let i = 0; i < RESCAN_RUNS; i++) {
		const rescan = await runIndexChild(vault, i === 0 ? profile("rescan") : []);
		checkRun("rescan", rescan, { indexed: 0, unchanged: cold.photos });
		rescans.push(rescan);
	}
	const clis: ProcessRun[] = [];
	for (let i = 0; i < RESCAN_RUNS; i++) {
		const cli = await timeProcess(process.execPath, [CLI, "index", vault, "--json"], true);
		if (cli.exitCode !== 0) throw new Error(`the CLI rescan exited with ${cli.exitCode}: ${cli.stderr.trim().slice(0, 300)}`);
		const summary = JSON.parse(cli.stdout) as { indexed: number };
		if (summary.indexed !== 0) step(`  warning: the CLI rescan read ${summary.indexed} files again`);
		clis.push(cli);
	}
	return { n: made.files, cold, rescan: medianChild(rescans), cli: medianProcess(clis), exiftool };
}

async function bench(options: BenchOptions, temp: string): Promise<void> {
	if (!existsSync(CLI)) throw new Error(`no CLI bundle at ${CLI}: build it first (node esbuild.config.mjs cli)`);
	const corpus = await loadCorpus(options.corpus);
	const exiftoolVersionText = exiftoolVersion();
	step(`corpus: ${corpus.length} files from ${options.corpus}`);
	const problems = await checkVariants(corpus, join(temp, "check"), exiftoolVersionText !== null);
	step(problems.length === 0
		? `variants: every varied copy reads like its original (engine${exiftoolVersionText ? " and ExifTool" : ""})`
		: `warning: varied copies that do not read like their originals:\n  ${problems.join("\n  ")}`);

	const vault = join(temp, "vault");
	const start = performance.now();
	const made = await makeVault(corpus, vault, options.n);
	flushWrites();
	step(`made ${made.files} photos in ${made.folders} folders (${(made.bytes / 1e9).toFixed(2)} GB) ` +
		`in ${((performance.now() - start) / 1000).toFixed(1)} s`);

	// Other work on the machine slows every figure: the load when timing began goes into the report.
	const load = loadavg()[0] ?? 0;
	const figures = await measure(options, vault, made, exiftoolVersionText !== null);
	process.stdout.write(`\n${formatReport(figures, { vault: made, corpusFiles: corpus.length, exiftoolVersion: exiftoolVersionText, load })}\n`);
	if (options.profileDir) {
		process.stdout.write(`CPU profiles: ${join(options.profileDir, "cold-index.cpuprofile")}, ${join(options.profileDir, "rescan.cpuprofile")}\n`);
	}
}

async function main(argv: string[]): Promise<number> {
	if (argv[0] === CHILD_FLAG) {
		await childMain(argv[1] ?? "");
		return 0;
	}
	if (argv.includes("--help") || argv.includes("-h")) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const options = parseBenchOptions(argv, process.env, REPO_ROOT);
	const temp = await mkdtemp(join(tmpdir(), "photo-archivist-bench-"));
	const onInterrupt = (): void => {
		if (!options.keep) rmSync(temp, { recursive: true, force: true });
		process.exit(130);
	};
	process.once("SIGINT", onInterrupt);
	try {
		await bench(options, temp);
	} finally {
		process.off("SIGINT", onInterrupt);
		if (options.keep) step(`kept the temporary vault: ${join(temp, "vault")}`);
		else await rm(temp, { recursive: true, force: true });
	}
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		const usage = error instanceof BenchUsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
		process.stderr.write(`bench:index: ${error instanceof Error ? error.message : String(error)}\n`);
		if (usage) process.stderr.write(`\n${USAGE}\n`);
		process.exitCode = usage || error instanceof CorpusMissingError ? 2 : 1;
	},
);
