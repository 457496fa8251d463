// VaultFileStore on the fake vault: listings from the tree, ranged reads and hashes on both the desktop and the mobile path.
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as crypto from "node:crypto";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setPlatform } from "../../fakes/obsidian/ui";
import { createDesktopFs, loadDesktopFs, type DesktopFs } from "../../../src/adapters/obsidian/desktop-fs";
import { VaultFileStore } from "../../../src/adapters/obsidian/vault-file-store";
import { PhotoArchivistError } from "../../../src/core/model/errors";
import { patternBytes, seededVault, type SeededVault } from "./vault-fixture";

afterEach(() => setPlatform("desktop"));

function desktopFor(root: string): DesktopFs {
	return createDesktopFs(fs, crypto, (path) => join(root, path));
}

/** The store with reads of the Vault API counted, to tell which path served a request. */
function storeOn(host: SeededVault, desktop: DesktopFs | null | undefined) {
	let wholeReads = 0;
	const vault = host.vault;
	const counted = {
		getFileByPath: vault.getFileByPath.bind(vault),
		getFolderByPath: vault.getFolderByPath.bind(vault),
		adapter: vault.adapter,
		readBinary: (file: Parameters<typeof vault.readBinary>[0]) => {
			wholeReads++;
			return vault.readBinary(file);
		},
	};
	const store = new VaultFileStore(desktop === undefined ? { vault: counted } : { vault: counted, desktop });
	return { store, wholeReads: () => wholeReads };
}

describe("VaultFileStore listings", () => {
	it("lists a folder recursively from the tree, with sizes and whole-millisecond mtimes", async () => {
		const host = await seededVault({ "Photos/a.jpg": "aa", "Photos/2024/b.jpg": "bbb", "Photos/.c.jpg": "c", "Other/d.jpg": "d" });
		const { store } = storeOn(host, null);
		const entries = await store.list("Photos");
		expect(entries.map((e) => e.path).sort()).toEqual(["Photos/2024/b.jpg", "Photos/a.jpg"]);
		const b = entries.find((e) => e.path === "Photos/2024/b.jpg");
		expect(b?.size).toBe(3);
		expect(b?.mtimeMs).toBe(Math.floor(fs.statSync(join(host.root, "Photos/2024/b.jpg")).mtimeMs));
		expect(host.vault.wholeVaultListings).toBe(0);
	});

	it("lists the whole vault for the root folder, and nothing for a missing folder or a file", async () => {
		const host = await seededVault({ "a.jpg": "a", "x/b.jpg": "b" });
		const { store } = storeOn(host, null);
		expect((await store.list("")).map((e) => e.path).sort()).toEqual(["a.jpg", "x/b.jpg"]);
		expect((await store.list("/")).length).toBe(2);
		expect(await store.list("missing")).toEqual([]);
		expect(await store.list("a.jpg")).toEqual([]);
	});

	it("lists without touching the disk: a file removed behind Obsidian's back is still listed until the vault notices", async () => {
		const host = await seededVault({ "P/a.jpg": "a" });
		const { store } = storeOn(host, null);
		fs.rmSync(join(host.root, "P/a.jpg"));
		expect((await store.list("P")).map((e) => e.path)).toEqual(["P/a.jpg"]);
		host.vault.syncFromDisk();
		expect(await store.list("P")).toEqual([]);
	});

	it("stats a file, and returns null for a missing path or a folder", async () => {
		const host = await seededVault({ "P/a b.jpg": "12345" });
		const { store } = storeOn(host, null);
		expect(await store.stat("P/a b.jpg")).toMatchObject({ path: "P/a b.jpg", size: 5 });
		expect(await store.stat("/P//a b.jpg")).toMatchObject({ path: "P/a b.jpg" });
		expect(await store.stat("P/none.jpg")).toBeNull();
		expect(await store.stat("P")).toBeNull();
	});
});

describe.each([
	{ name: "desktop (Node fs)", desktop: true },
	{ name: "mobile (Vault API)", desktop: false },
])("VaultFileStore bytes on $name", ({ desktop }) => {
	const make = async (files: Record<string, Uint8Array>) => {
		const host = await seededVault(files);
		return { host, ...storeOn(host, desktop ? desktopFor(host.root) : null) };
	};

	it("reads ranges, clipped at the end of the file", async () => {
		const bytes = patternBytes(10_000);
		const { store } = await make({ "p.jpg": bytes });
		expect(await store.read("p.jpg", { start: 100, end: 200 })).toEqual(bytes.slice(100, 200));
		expect(await store.read("p.jpg", { start: 9_990, end: 20_000 })).toEqual(bytes.slice(9_990));
		expect((await store.read("p.jpg", { start: 20_000, end: 20_010 })).length).toBe(0);
		expect((await store.read("p.jpg", { start: 5, end: 5 })).length).toBe(0);
		expect(await store.read("p.jpg", { start: 0, end: Number.MAX_SAFE_INTEGER })).toEqual(bytes);
		expect(await store.read("p.jpg")).toEqual(bytes);
	});

	it("hashes a file of several megabytes exactly as Node's crypto does", async () => {
		const bytes = new Uint8Array(randomBytes(6 * 1024 * 1024 + 123));
		const { store } = await make({ "big.mov": bytes });
		expect(await store.sha256("big.mov")).toBe(createHash("sha256").update(bytes).digest("hex"));
	});

	it("fails with a clear message for a missing file and a bad range", async () => {
		const { store } = await make({ "p.jpg": patternBytes(10) });
		await expect(store.read("gone.jpg")).rejects.toThrow(PhotoArchivistError);
		await expect(store.sha256("gone.jpg")).rejects.toThrow('Cannot read "gone.jpg": no such file in the vault');
		await expect(store.read("p.jpg", { start: 5, end: 2 })).rejects.toThrow("bad byte range");
	});

	it("reports a file that vanished from disk before Obsidian noticed as an I/O error naming it", async () => {
		const { store, host } = await make({ "p.jpg": patternBytes(10) });
		fs.rmSync(join(host.root, "p.jpg"));
		await expect(store.read("p.jpg", { start: 0, end: 4 })).rejects.toThrow(/Cannot read "p.jpg": .*ENOENT/);
		await expect(store.sha256("p.jpg")).rejects.toThrow(/Cannot read "p.jpg"/);
	});
});

describe("VaultFileStore choice of path", () => {
	it("on mobile reads a file once for several ranges and its hash", async () => {
		const bytes = patternBytes(50_000);
		const host = await seededVault({ "p.heic": bytes });
		const { store, wholeReads } = storeOn(host, null);
		await store.read("p.heic", { start: 0, end: 12 });
		await store.read("p.heic", { start: 40_000, end: 40_100 });
		expect(await store.sha256("p.heic")).toBe(createHash("sha256").update(bytes).digest("hex"));
		expect(wholeReads()).toBe(1);
	});

	it("reads a changed file again rather than serving old bytes", async () => {
		const host = await seededVault({ "p.jpg": patternBytes(100) });
		const { store } = storeOn(host, null);
		await store.read("p.jpg", { start: 0, end: 4 });
		fs.writeFileSync(join(host.root, "p.jpg"), new Uint8Array([9, 9, 9, 9, 9]));
		host.vault.syncFromDisk();
		expect(await store.read("p.jpg", { start: 0, end: 4 })).toEqual(new Uint8Array([9, 9, 9, 9]));
	});

	it("loads the Node path by itself on the desktop app and never reads whole files for ranges or hashes", async () => {
		setPlatform("desktop");
		const host = await seededVault({ "p.jpg": patternBytes(1000) });
		const { store, wholeReads } = storeOn(host, undefined);
		expect(await store.read("p.jpg", { start: 10, end: 20 })).toEqual(patternBytes(1000).slice(10, 20));
		await store.sha256("p.jpg");
		expect(wholeReads()).toBe(0);
	});

	it("falls back to the Vault API by itself on mobile", async () => {
		setPlatform("mobile");
		const host = await seededVault({ "p.jpg": patternBytes(1000) });
		const { store, wholeReads } = storeOn(host, undefined);
		expect(await store.read("p.jpg", { start: 10, end: 20 })).toEqual(patternBytes(1000).slice(10, 20));
		expect(wholeReads()).toBe(1);
	});
});

describe("loadDesktopFs", () => {
	it("gives Node access only in the desktop app with a file-system vault", async () => {
		const host = await seededVault({ "p.jpg": patternBytes(64) });
		setPlatform("desktop");
		const desktop = await loadDesktopFs(host.vault.adapter);
		expect(await desktop?.readRange("p.jpg", { start: 0, end: 8 })).toEqual(patternBytes(64).slice(0, 8));
		expect(await loadDesktopFs({ ...host.vault.adapter } as typeof host.vault.adapter)).toBeNull();
		setPlatform("mobile");
		expect(await loadDesktopFs(host.vault.adapter)).toBeNull();
	});
});
