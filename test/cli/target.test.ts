import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/temp-dir";
import { cli, DATA_JSON, put, readData } from "./cli-process";

const SECRET = "s3cret-pässword-123";

describe("photo-archivist target add", () => {
	it("records a WebDAV target and where its password comes from, never the password", async () => {
		const vault = await tempDir();
		await put(vault, DATA_JSON, JSON.stringify({ index: { notesFolder: "Meta" }, future: { kept: [1, 2] } }));
		const run = await cli(
			["target", "add", vault, "--id", "nas", "--type", "webdav", "--url", "https://nas.local:5006/photos/", "--name", "Synology",
				"--username", "alice", "--password-env", "NAS_PASSWORD", "--layout", "date", "--medium", "nas", "--offsite", "--concurrency", "2"],
			{ NAS_PASSWORD: SECRET },
		);
		expect(run.stderr).toBe("");
		expect(run.code).toBe(0);
		const text = await readFile(join(vault, DATA_JSON), "utf8");
		expect(text).not.toContain(SECRET);
		const data = await readData(vault);
		expect(data.index).toEqual({ notesFolder: "Meta" });
		expect(data.future).toEqual({ kept: [1, 2] });
		expect(data.backup?.targets).toEqual([{
			id: "nas", name: "Synology", kind: "webdav", medium: "nas", offsite: true, layout: "date", enabled: true, concurrency: 2,
			url: "https://nas.local:5006/photos", username: "alice", passwordEnv: "NAS_PASSWORD",
		}]);
	});

	it("records a password file by its absolute path, and warns when others can read it", async () => {
		const vault = await tempDir();
		const secrets = await tempDir();
		await writeFile(join(secrets, "pw"), `${SECRET}\n`, { mode: 0o644 });
		const run = await cli(["target", "add", vault, "--id", "nas", "--type", "webdav", "--url", "http://127.0.0.1:8080/dav", "--username", "bob", "--password-file", join(secrets, "pw")]);
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(/can be read by other users: chmod 600/);
		expect((await readData(vault)).backup?.targets?.[0]).toMatchObject({ passwordFile: join(secrets, "pw"), username: "bob" });
		expect(await readFile(join(vault, DATA_JSON), "utf8")).not.toContain(SECRET);
	});

	it("records a folder target outside the vault, with the defaults", async () => {
		const vault = await tempDir();
		const drive = await tempDir();
		const run = await cli(["target", "add", vault, "--id", "ssd-1", "--type", "folder", "--path", drive]);
		expect(run.code).toBe(0);
		expect((await readData(vault)).backup?.targets).toEqual([{
			id: "ssd-1", name: "ssd-1", kind: "folder", medium: "external-drive", offsite: false, layout: "mirror", enabled: true, path: drive,
		}]);
	});

	it.each([
		{ name: "a password on the command line", args: ["--id", "x", "--type", "webdav", "--url", "https://h/", "--username", "u", "--password", SECRET], message: /never taken on the command line/ },
		{ name: "a password inside the URL", args: ["--id", "x", "--type", "webdav", "--url", `https://u:${SECRET}@h/`], message: /must not hold a user name or password/ },
		{ name: "an id with capitals", args: ["--id", "My NAS", "--type", "folder", "--path", "/tmp"], message: /invalid target id "My NAS"/ },
		{ name: "an unknown type", args: ["--id", "x", "--type", "ftp", "--url", "https://h/"], message: /--type must be webdav, folder or s3/ },
		{ name: "a webdav target without a URL", args: ["--id", "x", "--type", "webdav"], message: /needs --url URL/ },
		{ name: "a URL that is not http", args: ["--id", "x", "--type", "webdav", "--url", "ftp://h/"], message: /must start with http/ },
		{ name: "a folder target with a password", args: ["--id", "x", "--type", "folder", "--path", "/tmp", "--password-env", "X"], message: /takes no user name or password/ },
		{ name: "both password sources", args: ["--id", "x", "--type", "webdav", "--url", "https://h/", "--username", "u", "--password-env", "A", "--password-file", "/etc/hostname"], message: /either --password-env or --password-file/ },
		{ name: "a missing password file", args: ["--id", "x", "--type", "webdav", "--url", "https://h/", "--username", "u", "--password-file", "/nonexistent/pw"], message: /cannot read the password file/ },
		{ name: "a bad concurrency", args: ["--id", "x", "--type", "folder", "--path", "/tmp", "--concurrency", "0"], message: /--concurrency must be a whole number from 1/ },
		{ name: "a bad layout", args: ["--id", "x", "--type", "folder", "--path", "/tmp", "--layout", "flat"], message: /--layout must be mirror or date/ },
	])("refuses $name with a clear message and exit status 2, writing nothing", async ({ args, message }) => {
		const vault = await tempDir();
		const run = await cli(["target", "add", vault, ...args]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(message);
		expect(run.stderr).not.toContain(SECRET);
		await expect(readFile(join(vault, DATA_JSON), "utf8")).rejects.toThrow(/ENOENT/);
	});

	it("refuses a folder inside the vault and a second target with the same id", async () => {
		const vault = await tempDir();
		const inside = await cli(["target", "add", vault, "--id", "x", "--type", "folder", "--path", join(vault, "Backup")]);
		expect(inside.code).toBe(2);
		expect(inside.stderr).toMatch(/inside the vault/);
		const drive = await tempDir();
		expect((await cli(["target", "add", vault, "--id", "x", "--type", "folder", "--path", drive])).code).toBe(0);
		const twice = await cli(["target", "add", vault, "--id", "x", "--type", "folder", "--path", drive]);
		expect(twice.code).toBe(2);
		expect(twice.stderr).toMatch(/a target with id "x" already exists/);
		expect((await readData(vault)).backup?.targets).toHaveLength(1);
	});
});

describe("photo-archivist target list and remove", () => {
	it("lists every target with how it gets its password, then removes one", async () => {
		const vault = await tempDir();
		const drive = await tempDir();
		await cli(["target", "add", vault, "--id", "nas", "--type", "webdav", "--url", "https://nas.local/dav", "--username", "alice"], { PHOTO_ARCHIVIST_PASSWORD_NAS: SECRET });
		await cli(["target", "add", vault, "--id", "ssd", "--type", "folder", "--path", drive, "--name", "Blue SSD"]);
		const json = await cli(["target", "list", vault, "--json"]);
		expect(json.code).toBe(0);
		const targets = JSON.parse(json.stdout) as Record<string, unknown>[];
		expect(targets.map((t) => [t.id, t.name, t.kind, t.url ?? t.path, t.layout, t.medium, t.offsite, t.enabled])).toEqual([
			["nas", "nas", "webdav", "https://nas.local/dav", "mirror", "nas", false, true],
			["ssd", "Blue SSD", "folder", drive, "mirror", "external-drive", false, true],
		]);
		const text = await cli(["target", "list", vault]);
		expect(text.stdout).toMatch(/nas: nas \(webdav\)/);
		expect(text.stdout).toMatch(/password: +from environment variable PHOTO_ARCHIVIST_PASSWORD_NAS/);
		expect(text.stdout).toMatch(/ssd: Blue SSD \(folder\)\n {2}path: +\S+/);
		expect(text.stdout + json.stdout).not.toContain(SECRET);

		const removed = await cli(["target", "remove", vault, "--id", "nas"]);
		expect(removed.code).toBe(0);
		expect(removed.stdout).toMatch(/left as they are/);
		expect((await readData(vault)).backup?.targets?.map((t) => t.id)).toEqual(["ssd"]);
		const unknown = await cli(["target", "remove", vault, "--id", "nas"]);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/no target with id "nas" \(targets: ssd\)/);
	});

	it("says how to add a target when there is none", async () => {
		const vault = await tempDir();
		const run = await cli(["target", "list", vault]);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/No backup targets: add one with/);
	});
});
