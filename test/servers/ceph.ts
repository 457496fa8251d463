/**
 * A real S3 engine for tests: a one-node Ceph cluster with the RADOS Gateway on a free loopback port, started
 * by ../shared/servers/ceph-s3.sh (or PHOTO_ARCHIVIST_SHARED/servers) in about 15 seconds — once per test file.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findBinary } from "./require-binary";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface CephS3 {
	/** "http://127.0.0.1:PORT", path-style. */
	endpoint: string;
	accessKey: string;
	secretKey: string;
	/** The cluster's state folder (logs in DIR/ceph/log). */
	dir: string;
	stop(): Promise<void>;
}

/** The start script, from the shared folder beside the repo. */
export function cephScript(): string {
	return resolve(REPO_ROOT, process.env.PHOTO_ARCHIVIST_SHARED ?? "../shared", "servers", "ceph-s3.sh");
}

/**
 * Whether Ceph tests can run: radosgw and the script are there. Where they are not: false after a warning
 * saying what is skipped, or a throw under CI=true, where .ci/run installs Ceph and skipping would hide a gap.
 * Use: `describe.skipIf(!requireCeph())`.
 */
export function requireCeph(): boolean {
	const missing = [findBinary("radosgw") === null ? "radosgw (apt-get install ceph-mon ceph-osd radosgw ceph-common)" : null, existsSync(cephScript()) ? null : cephScript()].filter(
		(m) => m !== null,
	);
	if (missing.length === 0) return true;
	const message = `Ceph S3 tests need ${missing.join(" and ")}`;
	if (process.env.CI === "true") throw new Error(`${message}; CI=true does not allow skipping these tests`);
	console.warn(`skipping tests that need a real S3 gateway: ${message}`);
	return false;
}

function run(args: string[]): Promise<string> {
	return new Promise((resolvePromise, reject) => {
		execFile("bash", [cephScript(), ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`ceph-s3.sh ${args[0] ?? ""} failed: ${error.message}\n${stderr}`));
			else resolvePromise(stdout);
		});
	});
}

const running = new Set<string>();
let exitHookInstalled = false;

// A test runner that dies mid-file must not leave Ceph daemons running and holding memory.
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once("exit", () => {
		for (const dir of running) spawnSync("bash", [cephScript(), "down", dir], { timeout: 10_000 });
	});
}

export async function startCephS3(): Promise<CephS3> {
	const dir = await mkdtemp(join(tmpdir(), "pa-ceph-"));
	const state = join(dir, "ceph");
	installExitHook();
	running.add(state);
	const stop = async (): Promise<void> => {
		try {
			await run(["down", state]);
		} finally {
			running.delete(state);
			await rm(dir, { recursive: true, force: true });
		}
	};
	try {
		const out = await run(["up", state]);
		const value = (name: string): string => {
			const line = out.split("\n").find((l) => l.startsWith(`${name}=`));
			if (line === undefined) throw new Error(`ceph-s3.sh printed no ${name}:\n${out}`);
			return line.slice(name.length + 1).trim();
		};
		return { endpoint: value("S3_ENDPOINT"), accessKey: value("S3_ACCESS_KEY"), secretKey: value("S3_SECRET_KEY"), dir, stop };
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}
}
