/**
 * The benchmark's S3 gateway: a one-node Ceph cluster with the RADOS Gateway, started by the shared
 * ceph-s3.sh over its own state folder. Not test/servers/ceph.ts: that one finds the script through
 * import.meta.url, which a CommonJS bundle does not have.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findBinary } from "../test/servers/require-binary";

export interface BenchCeph {
	/** "http://127.0.0.1:PORT", path-style. */
	endpoint: string;
	accessKey: string;
	secretKey: string;
	/** Runs the gateway's garbage collection now, so the memory of deleted objects is freed before the next contestant. */
	collectGarbage(): Promise<void>;
	stop(): Promise<void>;
}

/** The script beside the repo: $PHOTO_ARCHIVIST_SHARED/servers, default ../shared/servers. */
export function cephScript(repoRoot: string): string {
	return resolve(repoRoot, process.env.PHOTO_ARCHIVIST_SHARED ?? "../shared", "servers", "ceph-s3.sh");
}

/** Why the S3 part cannot run here, or null when it can. */
export function cephMissing(repoRoot: string): string | null {
	if (findBinary("radosgw") === null) return "radosgw is not installed (apt-get install ceph-mon ceph-osd radosgw ceph-common)";
	if (!existsSync(cephScript(repoRoot))) return `no ${cephScript(repoRoot)}`;
	return null;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
	return new Promise((resolvePromise, reject) => {
		execFile(command, args, { timeout: 180_000, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`${[command, ...args].join(" ")} failed: ${error.message}\n${stderr.slice(-2000)}`));
			else resolvePromise(stdout);
		});
	});
}

const running = new Set<() => void>();
let exitHookInstalled = false;

/** A benchmark stopped midway (Ctrl-C, a throw) must not leave Ceph daemons holding gigabytes of memory. */
export function stopCephNow(): void {
	for (const stop of running) stop();
}

/** Starts the cluster; `capacityBytes` caps its in-memory store (its objects live in RAM). About 15 s. */
export async function startBenchCeph(repoRoot: string, capacityBytes: number): Promise<BenchCeph> {
	const script = cephScript(repoRoot);
	const dir = await mkdtemp(join(tmpdir(), "pa-bench-ceph-"));
	const state = join(dir, "ceph");
	const stopSync = (): void => {
		spawnSync("bash", [script, "down", state], { timeout: 15_000 });
	};
	running.add(stopSync);
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.once("exit", stopCephNow);
	}
	const stop = async (): Promise<void> => {
		try {
			await run("bash", [script, "down", state]);
		} finally {
			running.delete(stopSync);
			await rm(dir, { recursive: true, force: true });
		}
	};
	try {
		const out = await run("bash", [script, "up", state], { ...process.env, CEPH_S3_BYTES: String(capacityBytes) });
		const value = (name: string): string => {
			const line = out.split("\n").find((l) => l.startsWith(`${name}=`));
			if (line === undefined) throw new Error(`ceph-s3.sh printed no ${name}:\n${out}`);
			return line.slice(name.length + 1).trim();
		};
		return {
			endpoint: value("S3_ENDPOINT"),
			accessKey: value("S3_ACCESS_KEY"),
			secretKey: value("S3_SECRET_KEY"),
			collectGarbage: async () => {
				await run("radosgw-admin", ["-c", join(state, "ceph.conf"), "gc", "process", "--include-all"]);
			},
			stop,
		};
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}
}
