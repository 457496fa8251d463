/**
 * `npm run bench:backup`: the same photos backed up to one local Apache WebDAV server by this engine (plain
 * and encrypted), by rclone and by plain curl PUTs (the ceiling), then a no-op second run of the first two;
 * then the same to a Ceph S3 gateway by the engine, rclone and curl; one table against the goals.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { startApache } from "../test/servers/apache";
import { basicAuth, type DavServer } from "../test/servers/dav-server";
import { findBinary } from "../test/servers/require-binary";
import { writeBigVideo } from "./backup-big-file";
import { checkEngine, checkRclone, medianRun, profileFlags, step } from "./backup-checks";
import { checkEncryptedCopy } from "./backup-crypt-check";
import { curlVersion, runCurl } from "./backup-curl-run";
import { addEngineTarget, CLI, CRYPT_TARGET_ID, ENGINE_TARGET_ID, indexAndDropUnreadable, runEngineBackup, snapshotCli, type EngineRun } from "./backup-engine-run";
import { BACKUP_USAGE, parseBackupBenchOptions, type BackupBenchOptions } from "./backup-options";
import { rcloneSetup, rcloneVersion, runRclone, type RcloneRun } from "./backup-rclone-run";
import { formatBackupReport, type BackupFigures } from "./backup-report";
import { benchS3, skippedS3 } from "./backup-s3";
import { checkCopy, listSet, type SetFile } from "./backup-set";
import { BenchUsageError } from "./bench-options";
import { flushWrites } from "./external-runs";
import { CorpusMissingError, loadCorpus, makeVault } from "./make-vault";
import { RESCAN_RUNS } from "./report-table";

const REPO_ROOT = resolve(__dirname, "..");

function apacheVersion(binary: string): string {
	const run = spawnSync(binary, ["-v"], { encoding: "utf8" });
	return /Server version: (\S+)/.exec(run.stdout)?.[1] ?? "Apache (version unknown)";
}

interface DavFolders {
	engine: string;
	crypt: string;
}

/** Makes the vault: N distinct photos from the corpus, plus the large video; indexed, with the engine's two WebDAV targets added. */
async function prepare(options: BackupBenchOptions, temp: string, server: DavServer, urls: DavFolders, passphraseFile: string): Promise<SetFile[]> {
	const corpus = await loadCorpus(options.corpus);
	const vault = join(temp, "vault");
	const start = performance.now();
	const made = await makeVault(corpus, vault, options.n);
	if (options.bigMb > 0) await writeBigVideo(corpus, made.photosFolder, options.bigMb);
	step(`made ${made.files} photos from ${corpus.length} corpus files${options.bigMb > 0 ? ` and a ${options.bigMb} MB video` : ""} ` +
		`in ${((performance.now() - start) / 1000).toFixed(1)} s`);
	const login = { username: server.username, password: server.password };
	await addEngineTarget(vault, { id: ENGINE_TARGET_ID, url: urls.engine }, login, options.parallel, temp);
	await addEngineTarget(vault, { id: CRYPT_TARGET_ID, url: urls.crypt, passphraseFile }, login, options.parallel, temp);
	step("indexing (not timed)…");
	const index = await indexAndDropUnreadable(vault);
	if (index.dropped.length > 0) step(`  left out ${index.dropped.length} files the index cannot read:\n    ${index.dropped.join("\n    ")}`);
	flushWrites();
	return listSet(made.photosFolder);
}

async function verify(label: string, files: readonly SetFile[], remoteDir: string): Promise<void> {
	const problems = await checkCopy(files, join(remoteDir, "Photos"));
	if (problems.length > 0) throw new Error(`${label} left an incomplete copy on the server:\n  ${problems.join("\n  ")}`);
}

async function bench(options: BackupBenchOptions, temp: string, server: DavServer): Promise<void> {
	const login = { username: server.username, password: server.password, authorization: basicAuth({ name: server.username, password: server.password }) };
	const [engineFolder, rcloneFolder, curlFolder, cryptFolder] = [await server.folder("engine"), await server.folder("rclone"), await server.folder("curl"), await server.folder("crypt")];
	const passphrase = randomBytes(18).toString("base64url");
	const passphraseFile = join(temp, "passphrase");
	await writeFile(passphraseFile, passphrase, { mode: 0o600 });
	const files = await prepare(options, temp, server, { engine: engineFolder.url, crypt: cryptFolder.url }, passphraseFile);
	const bytes = files.reduce((n, f) => n + f.bytes, 0);
	const bigBytes = files.find((f) => f.relative.startsWith("big/"))?.bytes ?? 0;
	const vault = join(temp, "vault");
	const scratch = join(temp, "scratch");
	await mkdir(scratch);
	const rclone = await rcloneSetup(scratch, server.username, server.password);
	step(`set: ${files.length} files, ${(bytes / 1e6).toFixed(0)} MB; ${options.parallel} uploads at once`);

	const load = loadavg()[0] ?? 0;
	step("(a) this engine, first run…");
	const engine = await runEngineBackup(vault, ENGINE_TARGET_ID, profileFlags(options.profileDir, "backup-first"));
	checkEngine("(a)", engine, files.length);
	await verify("(a) this engine", files, engineFolder.dir);
	flushWrites();
	step("(d) this engine, encrypted target, first run…");
	const crypt = await runEngineBackup(vault, CRYPT_TARGET_ID, profileFlags(options.profileDir, "backup-crypt-first"));
	checkEngine("(d)", crypt, files.length);
	const cryptProblems = checkEncryptedCopy(files, cryptFolder.dir, passphrase, rclone.configFile);
	if (cryptProblems.length > 0) throw new Error(`(d) the encrypted copy is not whole, read through rclone crypt:\n  ${cryptProblems.join("\n  ")}`);
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
		engineNoops.push(await runEngineBackup(vault, ENGINE_TARGET_ID));
		checkEngine("(a) no-op", engineNoops[i] as EngineRun, 0);
		rcloneNoops.push(await runRclone(join(vault, "Photos"), rcloneFolder.url, rclone, options.parallel));
		checkRclone("(b) no-op", rcloneNoops[i] as RcloneRun, 0);
	}
	const [engineNoop, rcloneNoop] = [medianRun(engineNoops), medianRun(rcloneNoops)];

	const s3 = skippedS3(REPO_ROOT, options.s3) ??
		(await benchS3({ repoRoot: REPO_ROOT, vault, photosFolder: join(vault, "Photos"), files, parallel: options.parallel, scratch, rcloneConfig: rclone.configFile, profileDir: options.profileDir }));
	if (!s3.ran) step(`S3 part skipped: ${s3.reason}`);

	const figures: BackupFigures = { files: files.length, bytes, bigBytes, parallel: options.parallel, engine, crypt, rclone: rcloneFirst, curl, engineNoop, rcloneNoop, s3 };
	const versions = [apacheVersion(findBinary("apache2", "httpd") ?? "apache2"), rcloneVersion() ?? "rclone ?", curlVersion() ?? "curl ?"];
	if (s3.ran) versions.push(s3.figures.version);
	process.stdout.write(`\n${formatBackupReport(figures, { versions, load })}\n`);
	if (options.profileDir) process.stdout.write(`CPU profiles of the engine's first runs: ${options.profileDir}/backup-{first,crypt-first${s3.ran ? ",s3-first" : ""}}.cpuprofile\n`);
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
	await snapshotCli(temp);
	let server: DavServer | null = null;
	const onInterrupt = (signal: NodeJS.Signals): void => {
		// The server process is killed by its own exit hook; its temporary root is removed here.
		// Ceph, if started, is stopped by its own exit hook as well.
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
