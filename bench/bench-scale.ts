/**
 * `npm run bench:scale`: libraries of 1,000, 10,000 and 100,000 photos (built once, cached), and every path the
 * issue budgets measured at each size — plugin start-up, index load, rescans, cold index, planning, quick verify
 * against Apache, the status view, the heap — printed as one table with the growth from size to size.
 */
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startApache } from "../test/servers/apache";
import type { DavServer } from "../test/servers/dav-server";
import { findBinary } from "../test/servers/require-binary";
import { INDEX_FILE_NAME } from "../src/core/index/index-file";
import { BenchUsageError } from "./bench-options";
import { flushWrites, timeProcess, type ProcessRun } from "./external-runs";
import { CHILD_FLAG, childMain, runIndexChild, type ChildResult } from "./index-child";
import { runJsonChild } from "./json-child";
import { CorpusMissingError, loadCorpus, type CorpusFile } from "./make-vault";
import { serverCopyOf } from "./scale-apache";
import { ENGINE_CHILD_FLAG, engineChildMain, type EngineFigures, type EngineSpec } from "./scale-engine-child";
import {
	APACHE_PASSWORD_ENV, AT_RISK_EVERY, DATA_FOLDER, apacheTarget, planTargets, readIndexRecords, resetForColdIndex, writeManifest,
	writePluginSettings,
} from "./scale-library-data";
import { parseScaleOptions, SCALE_USAGE, type ScaleOptions } from "./scale-options";
import { PLUGIN_CHILD_FLAG, pluginChildMain, type PluginFigures } from "./scale-plugin-child";
import { formatScaleReport, machineReference, RUNS, type ScaleFigures } from "./scale-report";
import { ensureScaleVault, scaleRoot } from "./scale-vault";

const REPO_ROOT = resolve(__dirname, "..");
const CLI = join(__dirname, "cli.cjs");
/** Folder targets' (empty) folders: outside every vault, shared by all sizes. */
const TARGETS_DIR = join(tmpdir(), "photo-archivist-scale-targets");

function step(text: string): void {
	process.stderr.write(`${text}\n`);
}

function commitOf(): string {
	const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" });
	// Measured from an exported tree (git archive plus changes): the caller says what it was made from.
	if (head.status !== 0) return process.env.PHOTO_ARCHIVIST_COMMIT ?? "unknown";
	const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: REPO_ROOT, encoding: "utf8" }).stdout.trim() !== "";
	return `${head.stdout.trim().slice(0, 12)}${dirty ? " with uncommitted changes" : ""}`;
}

function fastestRun(runs: readonly ProcessRun[]): ProcessRun {
	return [...runs].sort((a, b) => a.wallMs - b.wallMs)[0] as ProcessRun;
}

/**
 * The best of several runs of a child: each time (a field ending in "Ms") and the heap at its lowest, each count
 * (writes, requests, rows) at its highest, so a count that varies shows its worst; the rest from the first run.
 */
function bestOf<T extends object>(runs: readonly T[]): T {
	const best = { ...(runs[0] as T) } as Record<string, unknown>;
	for (const [key, first] of Object.entries(best)) {
		if (typeof first !== "number") continue;
		const values = runs.map((r) => (r as Record<string, unknown>)[key] as number);
		best[key] = key.endsWith("Ms") || key === "heapMb" ? Math.min(...values) : Math.max(...values);
	}
	return best as unknown as T;
}

async function childRuns<T extends object>(args: (run: number) => string[], nodeFlags: (run: number) => string[], env?: NodeJS.ProcessEnv): Promise<T> {
	const runs: T[] = [];
	for (let run = 0; run < RUNS; run++) runs.push((await runJsonChild<T>(__filename, args(run), nodeFlags(run), env)).result);
	return bestOf(runs);
}

async function cliRescans(root: string, profile: (name: string) => string[]): Promise<{ run: ProcessRun; indexed: number; written: number }> {
	const runs: ProcessRun[] = [];
	let indexed = 0;
	let written = 0;
	for (let i = 0; i < RUNS; i++) {
		const run = await timeProcess(process.execPath, [...(i === 0 ? profile("cli-rescan") : []), CLI, "index", root, "--json"], true);
		if (run.exitCode !== 0) throw new Error(`the CLI rescan exited with ${run.exitCode}: ${run.stderr.trim().slice(0, 300)}`);
		const summary = JSON.parse(run.stdout) as { indexed: number; created: number; updated: number; missing: number };
		indexed += summary.indexed;
		written += summary.created + summary.updated + summary.missing;
		runs.push(run);
	}
	return { run: fastestRun(runs), indexed, written };
}

/** Everything measured at one size. */
async function measureSize(options: ScaleOptions, corpus: readonly CorpusFile[], n: number, server: DavServer | null, temp: string): Promise<ScaleFigures> {
	const vault = await ensureScaleVault(corpus, n, step);
	step(`${n.toLocaleString("en-US")} photos: ${vault.reused ? "cached" : "made"} in ${vault.root}`);
	const profile = (name: string): string[] =>
		options.profileDir ? ["--cpu-prof", "--cpu-prof-dir", options.profileDir, "--cpu-prof-name", `${name}-${n}.cpuprofile`] : [];
	await writePluginSettings(vault.root, TARGETS_DIR);

	let records = options.reuse ? await readIndexRecords(vault.root) : null;
	let cold: ChildResult | null = null;
	if (records === null || records.length !== n) {
		step("  cold index…");
		await resetForColdIndex(vault.root);
		flushWrites();
		cold = await runIndexChild(vault.root, profile("cold-index"));
		if (cold.failed.length > 0) step(`  warning: ${cold.failed.length} photos failed, first: ${cold.failed[0]?.path}: ${cold.failed[0]?.reason}`);
		records = await readIndexRecords(vault.root);
		if (records === null) throw new Error("the cold index left no readable index");
	}
	const dataFolder = join(vault.root, DATA_FOLDER);
	const [nas, usb, cloud] = planTargets(TARGETS_DIR);
	// The plugin's data: the cloud copy lacks some photos, so the status view has photos at risk to page through.
	await writeManifest(dataFolder, "nas", records);
	await writeManifest(dataFolder, "usb", records);
	await writeManifest(dataFolder, "cloud", records, AT_RISK_EVERY);
	// The engine's data (a hidden folder: no listing sees it): every photo on every target, nothing to upload.
	const engineData = join(vault.root, ".bench-engine-data");
	await mkdir(engineData, { recursive: true });
	await copyFile(join(dataFolder, INDEX_FILE_NAME), join(engineData, INDEX_FILE_NAME));
	for (const id of ["nas", "usb", "cloud"]) await writeManifest(engineData, id, records);
	const indexBytes = (await stat(join(dataFolder, INDEX_FILE_NAME))).size;
	flushWrites();

	step("  CLI rescans…");
	const cli = await cliRescans(vault.root, profile);
	step("  the plugin on the fake Obsidian…");
	const plugin = await childRuns<PluginFigures>(() => [PLUGIN_CHILD_FLAG, vault.root], (run) => ["--expose-gc", ...(run === 0 ? profile("plugin") : [])]);

	let verifyTarget = null;
	if (server !== null) {
		step("  a copy of every photo on Apache…");
		const url = await serverCopyOf(server, vault.root, records, `scale-${n}`);
		verifyTarget = apacheTarget(url, server.username);
		await writeManifest(engineData, verifyTarget.id, records);
	}
	const spec: EngineSpec = { vault: vault.root, dataFolder: engineData, planTargets: [nas, usb, cloud].filter((t) => t !== undefined), verifyTarget };
	// Quick verification asks the server thousands of times: once is enough; planning is timed in every run.
	const specFiles = [spec, { ...spec, verifyTarget: null }].map((s, i) => join(temp, `engine-${n}-${i}.json`));
	await writeFile(specFiles[0] as string, JSON.stringify(spec));
	await writeFile(specFiles[1] as string, JSON.stringify({ ...spec, verifyTarget: null }));
	step("  planning and quick verify…");
	const env = { ...process.env, [APACHE_PASSWORD_ENV]: server?.password ?? "" };
	const engine = await childRuns<EngineFigures>(
		(run) => [ENGINE_CHILD_FLAG, specFiles[Math.min(run, 1)] as string], (run) => (run === 0 ? profile("engine") : []), env,
	);
	return {
		n, folders: vault.folders, bytes: vault.bytes, cold, indexBytes,
		cli: cli.run, cliIndexed: cli.indexed, cliNotesWritten: cli.written, plugin, engine,
	};
}

async function apacheOrNull(): Promise<{ server: DavServer | null; text: string | null }> {
	const binary = findBinary("apache2", "httpd");
	if (binary === null) {
		step("apache2 is not installed: the quick-verify figures are left out (apt-get install apache2)");
		return { server: null, text: null };
	}
	const version = /Server version: (\S+)/.exec(spawnSync(binary, ["-v"], { encoding: "utf8" }).stdout)?.[1] ?? "Apache";
	return { server: await startApache(), text: `${version} (mod_dav_fs) on 127.0.0.1` };
}

async function bench(options: ScaleOptions): Promise<void> {
	const corpus = await loadCorpus(options.corpus);
	const temp = await mkdtemp(join(tmpdir(), "photo-archivist-scale-run-"));
	const apache = await apacheOrNull();
	try {
		const load = loadavg()[0] ?? 0;
		const reference = machineReference();
		const all: ScaleFigures[] = [];
		for (const n of options.sizes) all.push(await measureSize(options, corpus, n, apache.server, temp));
		process.stdout.write(`\n${formatScaleReport(all, { commit: commitOf(), load, apache: apache.text, reference })}\n`);
		if (options.profileDir) process.stdout.write(`CPU profiles in ${options.profileDir}\n`);
		process.stdout.write(`Cached vaults (reused by the next run): ${options.sizes.map(scaleRoot).join(", ")}\n`);
	} finally {
		await apache.server?.dispose();
		await rm(temp, { recursive: true, force: true });
	}
}

async function main(argv: string[]): Promise<void> {
	if (argv[0] === CHILD_FLAG) return childMain(argv[1] ?? "");
	if (argv[0] === PLUGIN_CHILD_FLAG) {
		await pluginChildMain(argv[1] ?? "");
		// The fake Obsidian keeps timers of its own; the figures are printed, nothing else is owed.
		process.exit(0);
	}
	if (argv[0] === ENGINE_CHILD_FLAG) return engineChildMain(argv[1] ?? "");
	if (argv.includes("--help") || argv.includes("-h")) {
		process.stdout.write(`${SCALE_USAGE}\n`);
		return;
	}
	await bench(parseScaleOptions(argv, process.env, REPO_ROOT));
}

main(process.argv.slice(2)).then(
	() => {
		process.exitCode ??= 0;
	},
	(error: unknown) => {
		const usage = error instanceof BenchUsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
		process.stderr.write(`bench:scale: ${error instanceof Error ? error.message : String(error)}\n`);
		if (usage) process.stderr.write(`\n${SCALE_USAGE}\n`);
		process.exitCode = usage || error instanceof CorpusMissingError ? 2 : 1;
	},
);
