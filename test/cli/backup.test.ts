import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApache } from "../servers/apache";
import type { DavServer } from "../servers/dav-server";
import { faults, startFaultProxy, type FaultProxy } from "../servers/fault-proxy";
import { requireBinary } from "../servers/require-binary";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { CLI_PATH, cli, put } from "./cli-process";

interface TargetJson {
	id: string;
	name: string;
	uploaded: number;
	skipped: number;
	failed: { path: string; reason: string }[];
	bytes: number;
	conflicts: unknown[];
	stopped?: string;
	upToDate: boolean;
}
interface BackupJson {
	targets: TargetJson[];
	cancelled: boolean;
	uploaded: number;
	skipped: number;
	failed: number;
	bytes: number;
}

const PHOTOS: Record<string, Uint8Array> = {
	"Photos/2024/IMG 1.jpg": jpeg({ seed: 1 }),
	"Photos/2024/été #2.jpg": jpeg({ seed: 2, dateTimeOriginal: "2023:12:31 23:30:00" }),
};
const TOTAL_BYTES = Object.values(PHOTOS).reduce((n, b) => n + b.length, 0);

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

async function sampleVault(): Promise<string> {
	const vault = await tempDir();
	for (const [path, bytes] of Object.entries(PHOTOS)) await put(vault, path, bytes);
	return vault;
}

/** Every photo's bytes, read from `dir` (a target's files on disk) at `remote(path)`, match the original. */
async function expectCopies(dir: string, remote: (path: string) => string = (p) => p): Promise<void> {
	for (const [path, bytes] of Object.entries(PHOTOS)) {
		expect(sha256(await readFile(join(dir, remote(path)))), path).toBe(sha256(bytes));
	}
}

describe("photo-archivist backup to a folder", () => {
	it("indexes, backs up every photo, shows it in the notes, and sends nothing the second time", async () => {
		const vault = await sampleVault();
		const drive = await tempDir();
		expect((await cli(["target", "add", vault, "--id", "ssd", "--name", "Blue SSD", "--type", "folder", "--path", drive])).code).toBe(0);

		const first = await cli(["backup", vault, "--json"]);
		expect(first.stderr).toBe("");
		expect(first.code).toBe(0);
		const summary = JSON.parse(first.stdout) as BackupJson & { index: { created: number } };
		expect(summary.index.created).toBe(2);
		expect(summary).toMatchObject({ cancelled: false, uploaded: 2, skipped: 0, failed: 0, bytes: TOTAL_BYTES });
		expect(summary.targets).toEqual([{ id: "ssd", name: "Blue SSD", uploaded: 2, skipped: 0, failed: [], bytes: TOTAL_BYTES, conflicts: [], upToDate: true }]);
		await expectCopies(drive);

		const note = await readFile(join(vault, "Photo Notes/Photos/2024/IMG 1.jpg.md"), "utf8");
		expect(note).toMatch(/^backup: "1\/1"\nbackup_targets:\n {2}- Blue SSD$/m);
		expect(note).toMatch(/### Backups\n\n\| Target \| Status \| Detail \|\n.*\n\| Blue SSD \| /);

		const second = await cli(["backup", vault]);
		expect(second.code).toBe(0);
		expect(second.stdout).toMatch(/^Index: 2 photos: 0 new, 0 updated, 2 unchanged/m);
		expect(second.stdout).toMatch(/^Blue SSD: Up to date — 0 uploaded \(0 B\), 2 already there$/m);
	});

	it("files photos by the camera's date with --layout date", async () => {
		const vault = await sampleVault();
		const drive = await tempDir();
		await cli(["target", "add", vault, "--id", "ssd", "--type", "folder", "--path", drive, "--layout", "date"]);
		const run = await cli(["backup", vault, "--json"]);
		expect(run.code).toBe(0);
		await expectCopies(drive, (path) => (path.includes("été") ? "2023/12/été #2.jpg" : "2024/06/IMG 1.jpg"));
	});

	it("refuses a run with no target, or an unknown one, with exit status 2", async () => {
		const vault = await sampleVault();
		const none = await cli(["backup", vault]);
		expect(none.code).toBe(2);
		expect(none.stderr).toMatch(/this vault has no backup targets: add one with/);
		await cli(["target", "add", vault, "--id", "ssd", "--type", "folder", "--path", await tempDir()]);
		const unknown = await cli(["backup", vault, "--target", "nas"]);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/no target with id "nas" \(targets: ssd\)/);
	});
});

describe.skipIf(requireBinary("apache2", "httpd") === null)("photo-archivist backup to WebDAV (Apache mod_dav)", () => {
	let server: DavServer;
	let proxy: FaultProxy;
	beforeAll(async () => {
		server = await startApache();
		proxy = await startFaultProxy(server.url);
	});
	afterAll(async () => {
		await proxy?.close();
		await server?.dispose();
	});

	async function webdavVault(id: string): Promise<{ vault: string; dir: string }> {
		const vault = await sampleVault();
		const folder = await server.folder(id);
		const add = await cli(["target", "add", vault, "--id", id, "--type", "webdav", "--url", proxy.via(folder.url), "--username", server.username, "--password-env", "DAV_PASSWORD"]);
		expect(add.code).toBe(0);
		return { vault, dir: folder.dir };
	}

	it("uploads with the password from the named variable; the bytes on the server's disk are the originals; a second run sends no PUT", async () => {
		const { vault, dir } = await webdavVault("nas");
		const first = await cli(["backup", vault, "--json"], { DAV_PASSWORD: server.password });
		expect(first.stderr).toBe("");
		expect(first.code).toBe(0);
		expect(JSON.parse(first.stdout)).toMatchObject({ uploaded: 2, failed: 0, bytes: TOTAL_BYTES, targets: [{ id: "nas", upToDate: true }] });
		await expectCopies(dir);

		proxy.reset();
		const second = await cli(["backup", vault, "--json"], { DAV_PASSWORD: server.password });
		expect(second.code).toBe(0);
		expect(JSON.parse(second.stdout)).toMatchObject({ uploaded: 0, skipped: 2, failed: 0, targets: [{ upToDate: true }] });
		expect(proxy.count("PUT")).toBe(0);
	});

	it("stops the target on a wrong password with a clear message, retries nothing, and exits 1", async () => {
		const { vault } = await webdavVault("wrong");
		proxy.reset();
		const run = await cli(["backup", vault, "--json"], { DAV_PASSWORD: "not the password" });
		expect(run.code).toBe(1);
		const target = (JSON.parse(run.stdout) as BackupJson).targets[0];
		expect(target?.stopped).toMatch(/password/i);
		expect(target?.upToDate).toBe(false);
		expect(proxy.requests.filter((r) => r.status === 401).length).toBeLessThanOrEqual(2);
		expect(proxy.count("PUT")).toBe(0);

		const text = await cli(["backup", vault], { DAV_PASSWORD: "not the password" });
		expect(text.code).toBe(1);
		expect(text.stdout).toMatch(/^wrong: stopped: .*password.*\n {2}\(user archivist, password from environment variable DAV_PASSWORD\)$/im);
	});

	it("says which variable to set when the password is not there", async () => {
		const { vault } = await webdavVault("unset");
		const run = await cli(["backup", vault]);
		expect(run.code).toBe(1);
		expect(run.stdout).toMatch(/unset: stopped: .*set the environment variable DAV_PASSWORD/);
	});

	it("lists a file the server refused with its reason, backs up the others, and exits 1", async () => {
		const { vault, dir } = await webdavVault("refused");
		proxy.reset();
		const remove = proxy.rule((req) => (req.method === "PUT" && req.path.includes("IMG%201") ? faults.status(400) : undefined));
		const run = await cli(["backup", vault, "--json"], { DAV_PASSWORD: server.password });
		remove();
		expect(run.code).toBe(1);
		const summary = JSON.parse(run.stdout) as BackupJson;
		expect(summary, run.stdout).toMatchObject({ uploaded: 1, failed: 1 });
		expect(summary.targets[0]?.failed.map((f) => f.path)).toEqual(["Photos/2024/IMG 1.jpg"]);
		expect(summary.targets[0]?.failed[0]?.reason).toMatch(/\S/);
		expect(sha256(await readFile(join(dir, "Photos/2024/été #2.jpg")))).toBe(sha256(PHOTOS["Photos/2024/été #2.jpg"] as Uint8Array));

		const retried = await cli(["backup", vault], { DAV_PASSWORD: server.password });
		expect(retried.code).toBe(0);
		expect(retried.stdout).toMatch(/^refused: Up to date — 1 uploaded \(\d+ B\), 1 already there$/m);
	});

	it("tests a target's connection: exit 0 when every check passes, 1 with the failed check otherwise", async () => {
		const { vault } = await webdavVault("probe");
		const ok = await cli(["target", "test", vault], { DAV_PASSWORD: server.password });
		expect(ok.code).toBe(0);
		expect(ok.stdout).toMatch(/^probe: OK/m);
		const wrong = await cli(["target", "test", vault, "--json"], { DAV_PASSWORD: "nope" });
		expect(wrong.code).toBe(1);
		const [report] = JSON.parse(wrong.stdout) as { ok: boolean; checks: { name: string; ok: boolean }[] }[];
		expect(report?.ok).toBe(false);
		expect(report?.checks).toContainEqual(expect.objectContaining({ name: "credentials", ok: false }));
	});

	it("cancels cleanly on Ctrl-C with exit status 130, and the next run finishes the job", async () => {
		const { vault, dir } = await webdavVault("cancel");
		proxy.reset();
		const remove = proxy.rule((req) => (req.method === "PUT" ? faults.delay(400) : undefined));
		const child = execFile(process.execPath, [CLI_PATH, "backup", vault, "--json"], { env: { ...process.env, DAV_PASSWORD: server.password } });
		let stdout = "";
		let stderr = "";
		child.stdout?.on("data", (chunk: string) => (stdout += chunk));
		child.stderr?.on("data", (chunk: string) => (stderr += chunk));
		let exited: number | null | undefined;
		const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve((exited = code))));
		// The interrupt goes in once an upload is on its way, so it lands mid-run, not before the run starts.
		await expect
			.poll(() => (exited === undefined ? proxy.count("PUT") : `exited with ${exited} before any PUT: ${stderr}${stdout}`), { timeout: 20_000, interval: 20 })
			.toBeGreaterThan(0);
		child.kill("SIGINT");
		expect(await exit).toBe(130);
		remove();
		expect(JSON.parse(stdout)).toMatchObject({ cancelled: true });

		const next = await cli(["backup", vault, "--json"], { DAV_PASSWORD: server.password });
		expect(next.code).toBe(0);
		expect(JSON.parse(next.stdout)).toMatchObject({ failed: 0, targets: [{ upToDate: true }] });
		await expectCopies(dir);
	});
});
