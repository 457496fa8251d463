/**
 * The S3 part of `npm run bench:backup`: one Ceph gateway, one bucket, and the same files backed up by this
 * engine (the CLI, path-style target), rclone and curl, each under its own prefix. Each copy is checked by
 * listing, then deleted, so the gateway (which keeps objects in memory) holds one copy at a time.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { checkEngine, checkRclone, medianRun, profileFlags, step } from "./backup-checks";
import { addS3EngineTarget, runEngineBackup, S3_TARGET_ID, type EngineRun } from "./backup-engine-run";
import type { RcloneRun } from "./backup-rclone-run";
import { runCurlS3, runRcloneS3, type S3Place } from "./backup-s3-contestants";
import type { SetFile } from "./backup-set";
import { cephMissing, startBenchCeph, type BenchCeph } from "./bench-ceph";
import { flushWrites, type ProcessRun } from "./external-runs";
import { RESCAN_RUNS } from "./report-table";
import { benchBucket, type BenchBucket } from "./s3-bucket";

export interface S3Figures {
	engine: EngineRun;
	engineNoop: EngineRun;
	rclone: RcloneRun;
	rcloneNoop: RcloneRun;
	curl: ProcessRun;
	/** "ceph version 16.2.15 …" */
	version: string;
	/** One-minute load average when (e) began. */
	load: number;
}

/** The S3 part's figures, or why it did not run. */
export type S3Outcome = { ran: true; figures: S3Figures } | { ran: false; reason: string };

export interface S3BenchInput {
	repoRoot: string;
	vault: string;
	photosFolder: string;
	files: readonly SetFile[];
	parallel: number;
	scratch: string;
	/** An empty rclone config file. */
	rcloneConfig: string;
	profileDir: string | null;
}

const GIB = 1024 ** 3;
const BUCKET = "photo-archivist-bench";
const ACCESS_KEY_ENV = "PHOTO_ARCHIVIST_BENCH_S3_ACCESS_KEY";
const SECRET_KEY_ENV = "PHOTO_ARCHIVIST_BENCH_S3_SECRET_KEY";

export function skippedS3(repoRoot: string, wanted: boolean): S3Outcome | null {
	if (!wanted) return { ran: false, reason: "left out with --no-s3" };
	const missing = cephMissing(repoRoot);
	return missing === null ? null : { ran: false, reason: missing };
}

function cephVersion(): string {
	const run = spawnSync("radosgw", ["--version"], { encoding: "utf8" });
	return /ceph version \S+/.exec(run.stdout)?.[0] ?? "ceph (version unknown)";
}

async function verified(bucket: BenchBucket, label: string, files: readonly SetFile[], prefix: string): Promise<void> {
	const problems = await bucket.checkCopy(files, prefix);
	if (problems.length > 0) throw new Error(`${label} left an incomplete copy in the bucket:\n  ${problems.join("\n  ")}`);
}

/** Deletes a contestant's copy and has the gateway free its memory before the next one starts. */
async function cleared(bucket: BenchBucket, ceph: BenchCeph, prefix: string): Promise<void> {
	await bucket.deletePrefix(prefix);
	await ceph.collectGarbage();
}

async function contestants(input: S3BenchInput, ceph: BenchCeph, bucket: BenchBucket): Promise<S3Figures> {
	const { files, parallel, vault } = input;
	const place: S3Place = { endpoint: ceph.endpoint, bucket: BUCKET, accessKey: ceph.accessKey, secretKey: ceph.secretKey };
	const env = { ...process.env, [ACCESS_KEY_ENV]: ceph.accessKey, [SECRET_KEY_ENV]: ceph.secretKey };
	await addS3EngineTarget(vault, { endpoint: ceph.endpoint, bucket: BUCKET, prefix: "engine", accessKeyEnv: ACCESS_KEY_ENV, secretKeyEnv: SECRET_KEY_ENV, env }, parallel);

	const load = loadavg()[0] ?? 0;
	step("(e) this engine → S3, first run…");
	const engine = await runEngineBackup(vault, S3_TARGET_ID, profileFlags(input.profileDir, "backup-s3-first"), env);
	checkEngine("(e)", engine, files.length);
	await verified(bucket, "(e) this engine", files, "engine");
	const engineNoops: EngineRun[] = [];
	for (let i = 0; i < RESCAN_RUNS; i++) {
		const run = await runEngineBackup(vault, S3_TARGET_ID, [], env);
		checkEngine("(e) no-op", run, 0);
		engineNoops.push(run);
	}
	await cleared(bucket, ceph, "engine");
	flushWrites();

	step("(f) rclone copy → S3, first run…");
	const rclone = await runRcloneS3(input.photosFolder, place, "rclone", input.rcloneConfig, parallel);
	checkRclone("(f)", rclone, files.length);
	await verified(bucket, "(f) rclone", files, "rclone");
	const rcloneNoops: RcloneRun[] = [];
	for (let i = 0; i < RESCAN_RUNS; i++) {
		const run = await runRcloneS3(input.photosFolder, place, "rclone", input.rcloneConfig, parallel);
		checkRclone("(f) no-op", run, 0);
		rcloneNoops.push(run);
	}
	await cleared(bucket, ceph, "rclone");
	flushWrites();

	step("(g) curl --aws-sigv4, the ceiling…");
	const curl = await runCurlS3(files, place, "curl", parallel, input.scratch);
	await verified(bucket, "(g) curl", files, "curl");
	await cleared(bucket, ceph, "curl");
	return { engine, engineNoop: medianRun(engineNoops), rclone, rcloneNoop: medianRun(rcloneNoops), curl, version: cephVersion(), load };
}

/** Starts Ceph (its in-memory store sized for one copy of the set and then some), runs the three, stops it. */
export async function benchS3(input: S3BenchInput): Promise<S3Outcome> {
	const bytes = input.files.reduce((n, f) => n + f.bytes, 0);
	step("starting Ceph (radosgw), about 15 s…");
	const ceph = await startBenchCeph(input.repoRoot, Math.max(8 * GIB, 2 * bytes + GIB));
	try {
		const bucket = benchBucket(ceph.endpoint, ceph.accessKey, ceph.secretKey, BUCKET);
		await bucket.create();
		return { ran: true, figures: await contestants(input, ceph, bucket) };
	} finally {
		await ceph.stop();
	}
}
