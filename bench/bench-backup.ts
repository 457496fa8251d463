/**
 * `npm run bench:backup`: the same photos backed up to one local Apache WebDAV server by this engine, by
 * rclone and by plain curl PUTs (the ceiling), then a no-op second run of the first two; one table against the goals.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { startApache } from "../test/servers/apache";
import { basicAuth, type DavServer } from "../test/servers/dav-server";
import { findBinary } from "../test/servers/require-binary";
import { writeBigVideo } from "./backup-big-file";
import { curlVersion, runCurl } from "./backup-curl-run";
import { addEngineTarget, CLI, indexAndDropUnreadable, runEngineBackup, type EngineRun } from "./backup-engine-run";
import { BACKUP_USAGE, parseBackupBenchOptions, type BackupBenchOptions } from "./backup-options";
import { rcloneSetup, rcloneVersion, runRclone, type RcloneRun } from "./backup-rclone-run";
import { formatBackupReport, type BackupFigures } from "./backup-report";
import { checkCopy, listSet, type SetFile } from "./backup-set";
import { BenchUsageError } from "./bench-options";
import { flushWrites, type ProcessRun } from "./external-runs";
import { CorpusMissingError, loadCorpus, makeVault } from "./make-vault";
import { RESCAN_RUNS } from "./report-table";

const REPO_ROOT = resolve(__dirname, "..");

function step(text: string): void {
	process.stderr.write(`${text}\n`);
}

function apacheVersion(binary: string): string {
	const run = spawnSync(binary, ["-v"], { encoding: "utf8" });
	return /Server version: (\S+)/.exec(run.stdout)?.[1] ?? "Apache (version unknown)";
}

/** Makes the vault: N distinct photos from the corpus, plus the large video; indexed, with the engine's target added. */
async function prepare(options: BackupBenchOptions, temp: string, server: DavServer, engineUrl: string): Promise<SetFile[]> {
	const corpus = await loadCorpus(options.corpus);
	const vault = join(temp, "vault");
	const start = performance.now();
	const made = await makeVault(corpus, vault, options.n);
	if (options.bigMb > 0) await writeBigVideo(corpus, made.photosFolder, options.bigMb);
	step(`made ${made.files} photos from ${corpus.length} corpus files${options.bigMb > 0 ? ` and a ${options.bigMb} MB video` : ""} ` +
		`in ${((performance.now() - start) / 1000).toFixed(1)} s`);
	await addEngineTarget(vault, engineUrl, { username: server.username, password: server.password }, options.parallel, temp);
	step("indexing (not timed)…");
	const index = await indexAndDropUnreadable(vault);
	if (index.dropped.length > 0) step(`  left out ${index.dropped.length} files the index cannot read:\n    ${index.dropped.join("\n    ")}`);
	flushWrites();
	return listSet(made.photosFolder);
}

/** The run of median wall time, with the highest peak memory of them all: a no-op run lasts under a second, where a moment of other work shows. */
function medianRun<T extends ProcessRun>(runs: readonly T[]): T {
	const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
	const median = sorted[Math.floor(sorted.length / 2)] as T;
	const peaks = runs.map((r) => r.maxRssKb).filter((kb): kb is number => kb !== null);
	return { ...median, maxRssKb: peaks.length > 0 ? Math.max(...peaks) : null };
}

async function verify(label: string, files: readonly SetFile[], remoteDir: string): Promise<void> {
	const problems = await checkCopy(files, join(remoteDir, "Photos"));
	if (problems.length > 0) throw new Error(`${label} left an incomplete copy on the server:\n  ${problems.join("\n  ")}`);
}

function checkEngine(label: string, run: EngineRun, uploaded: number): void {
	for (const failure of run.failed.slice(0, 5)) step(`  ${label}: failed ${failure.path}: ${failure.reason}`);
	if (run.uploaded !== uploaded) step(`  warning: ${label} uploaded ${run.uploaded} files (${run.skipped} skipped); expected ${uploaded}`);
}

function checkRclone(label: string, run: RcloneRun, transferred: number): void {
	if ((run.transferred ?? 0) !== transferred) step(`  warning: ${label} transferred ${run.transferred ?? "?"} files; expected ${transferred}`);
}

async function bench(options: BackupBenchOptions, temp: string, server: DavServer): Promise<void> {
	const login = { username: server.username, password: server.password, authorization: basicAuth({ name: server.username, password: server.password }) };
	const [engineFolder, rcloneFolder, curlFolder] = [await server.folder("engine"), await server.folder("rclone"), await server.folder("curl")];
	const files = await prepare(options, temp, server, engineFolder.url);
	const bytes = files.reduce((n, f) => n + f.bytes, 0);
	const bigBytes = files.find((f) => f.relative.startsWith("big/"))?.bytes ?? 0;
	const vault = join(temp, "vault");
	const scratch = join(temp, "scratch");
	await mkdir(scratch);
	const rclone = await rcloneSetup(scratch, server.username, server.password);
	step(`set: ${files.length} files, ${(bytes / 1e6).toFixed(0)} MB; ${options.parallel} uploads at once`);

	const load = loadavg()[0] ?? 0;
	const profile = options.profileDir ? ["--cpu-prof", "--cpu-prof-dir", options.profileDir, "--cpu-prof-name", "backup-first.cpuprofile"] : [];
	step("(a) this engine, first run…");
	const engine = await runEngineBackup(vault, profile);
	checkEngine("(a)", engine, files.length);
	await verify("(a) this engine", files, engineFolder.dir);
	flushWrites();
	step("(b) rclone copy, first run…");
	const rcloneFirst = await runRclone(join(vault, "Photos"), rcloneFolder.url, rclone, options.parallel);
	checkRclone("(b)", rcloneFirst, files.length);
	await verify("(b) rclone", files, rcloneFolder.dir);
	flushWrites();
	step("(c) curl, the ceiling…");
	// Under Photos/, as the others put it: the MKCOL of that folder is timed too.
	const underPhotos = files.map((f) => ({ ...f, relative: `Photos/${f.relative}` }));
	const curl = await runCurl(underPhotos, curlFolder.url, login, options.parallel, scratch);
	await verify("(c) curl", files, curlFolder.dir);
	flushWrites();
	step(`no-op runs of (a) and (b), ${RESCAN_RUNS} times each…`);
	const engineNoops: EngineRun[] = [];
	const rcloneNoops: RcloneRun[] = [];
	for (let i = 0; i < RESCAN_RUNS; i++) {
		engineNoops.push(await runEngineBackup(vault));
		checkEngine("(a) no-op", engineNoops[i] as EngineRun, 0);
		rcloneNoops.push(await runRclone(join(vault, "Photos"), rcloneFolder.url, rclone, options.parallel));
		checkRclone("(b) no-op", rcloneNoops[i] as RcloneRun, 0);
	}
	const [engineNoop, rcloneNoop] = [medianRun(engineNoops), medianRun(rcloneNoops)];

	const figures: BackupFigures = { files: files.length, bytes, bigBytes, parallel: options.parallel, engine, rclone: rcloneFirst, curl, engineNoop, rcloneNoop };
	const versions = [apacheVersion(findBinary("apache2", "httpd") ?? "apache2"), rcloneVersion() ?? "rclone ?", curlVersion() ?? "curl ?"];
	process.stdout.write(`\n${formatBackupReport(figures, { versions, load })}\n`);
	if (options.profileDir) process.stdout.write(`CPU profile of (a)'s first run: ${join(options.profileDir, "backup-first.cpuprofile")}\n`);
}

function requirePrograms(): void {
	const missing = [["apache2", "httpd"], ["rclone"], ["curl"], ["xargs"]].filter((names) => findBinary(...names) === null);
	if (missing.length > 0) throw new BenchUsageError(`not installed: ${missing.map((n) => n[0]).join(", ")} (apt-get install apache2 rclone curl)`);
	if (!existsSync(CLI)) throw new Error(`no CLI bundle at ${CLI}: build it first (node esbuild.config.mjs cli)`);
}

async function main(argv: string[]): Promise<number> {
	if (argv.includes("--help") || argv.includes("-h")) {
		process.stdout.write(`${BACKUP_USAGE}\n`);
		return 0;
	}
	const options = parseBackupBenchOptions(argv, process.env, REPO_ROOT);
	requirePrograms();
	const temp = await mkdtemp(join(tmpdir(), "photo-archivist-bench-backup-"));
	let server: DavServer | null = null;
	const onInterrupt = (signal: NodeJS.Signals): void => {
		// The server process is killed by its own exit hook; its temporary root is removed here.
		if (server !== null) rmSync(dirname(server.dataDir), { recursive: true, force: true });
		if (!options.keep) rmSync(temp, { recursive: true, force: true });
		process.exit(signal === "SIGTERM" ? 143 : 130);
	};
	process.once("SIGINT", onInterrupt);
	process.once("SIGTERM", onInterrupt);
	try {
		step("starting Apache (mod_dav)…");
		server = await startApache();
		await bench(options, temp, server);
	} finally {
		process.off("SIGINT", onInterrupt);
		process.off("SIGTERM", onInterrupt);
		await server?.dispose();
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
		process.stderr.write(`bench:backup: ${error instanceof Error ? error.message : String(error)}\n`);
		if (usage) process.stderr.write(`\n${BACKUP_USAGE}\n`);
		process.exitCode = usage || error instanceof CorpusMissingError ? 2 : 1;
	},
);
