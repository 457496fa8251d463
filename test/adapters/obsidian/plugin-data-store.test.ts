// PluginDataStore over the fake vault's adapter: atomic replace in the plugin folder, and recovery from a crash mid-replace.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PluginDataStore } from "../../../src/adapters/obsidian/plugin-data-store";
import { seededVault } from "./vault-fixture";

const FOLDER = ".obsidian/plugins/photo-archivist";

async function storeIn() {
	const host = await seededVault();
	const store = new PluginDataStore({ adapter: host.vault.adapter, folder: FOLDER });
	return { host, store, dir: join(host.root, FOLDER) };
}

describe("PluginDataStore", () => {
	it("reads null before the first write, creates the plugin folder, and reads back what it wrote", async () => {
		const { store, dir } = await storeIn();
		expect(await store.read("index.json")).toBeNull();
		await store.write("index.json", '{"v":1}');
		expect(await store.read("index.json")).toBe('{"v":1}');
		expect(readFileSync(join(dir, "index.json"), "utf8")).toBe('{"v":1}');
	});

	it("replaces a file whole and leaves no temporary file behind", async () => {
		const { store, dir } = await storeIn();
		await store.write("index.json", "first, and longer than the second");
		await store.write("index.json", "second");
		expect(await store.read("index.json")).toBe("second");
		expect(readdirSync(dir)).toEqual(["index.json"]);
	});

	it("writes through a temporary name, never over the live file", async () => {
		const { host, store } = await storeIn();
		await store.write("index.json", "old");
		const written: string[] = [];
		const adapter = host.vault.adapter;
		const spying = new PluginDataStore({
			adapter: {
				exists: (p) => adapter.exists(p),
				read: (p) => adapter.read(p),
				readBinary: (p) => adapter.readBinary(p),
				writeBinary: (p, data) => adapter.writeBinary(p, data),
				remove: (p) => adapter.remove(p),
				rename: (p, q) => adapter.rename(p, q),
				mkdir: (p) => adapter.mkdir(p),
				write: (p, data) => {
					written.push(p);
					return adapter.write(p, data);
				},
			},
			folder: FOLDER,
		});
		await spying.write("index.json", "new");
		expect(written).toEqual([`${FOLDER}/index.json.tmp`]);
		expect(await store.read("index.json")).toBe("new");
	});

	it("writes bytes the same way, whole or from a view into a larger buffer", async () => {
		const { store, dir } = await storeIn();
		const backing = new Uint8Array([9, 9, 0, 1, 2, 255, 9]);
		await store.writeBytes("photo-index.bin", backing.subarray(2, 6));
		expect([...((await store.readBytes("photo-index.bin")) ?? [])]).toEqual([0, 1, 2, 255]);
		await store.writeBytes("photo-index.bin", new Uint8Array([7]));
		expect([...readFileSync(join(dir, "photo-index.bin"))]).toEqual([7]);
		expect(readdirSync(dir)).toEqual(["photo-index.bin"]);
	});

	it("reads the temporary file when a crash came between removing the old file and renaming the new one", async () => {
		const { store, dir } = await storeIn();
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, "index.json.tmp"), "complete new text");
		expect(await store.read("index.json")).toBe("complete new text");
		await store.write("index.json", "next");
		expect(readdirSync(dir)).toEqual(["index.json"]);
	});

	it("prefers the real file over a leftover temporary one", async () => {
		const { store, dir } = await storeIn();
		await store.write("index.json", "good");
		writeFileSync(join(dir, "index.json.tmp"), "half writ");
		expect(await store.read("index.json")).toBe("good");
	});

	it("runs concurrent writes one after another: the last one wins, none fails", async () => {
		const { store } = await storeIn();
		await Promise.all(["a", "b", "c", "d"].map((text) => store.write("index.json", text)));
		expect(await store.read("index.json")).toBe("d");
	});

	it("removes the file and any leftover temporary file; removing nothing is fine", async () => {
		const { store, dir } = await storeIn();
		await store.remove("index.json");
		await store.write("index.json", "x");
		writeFileSync(join(dir, "index.json.tmp"), "y");
		await store.remove("index.json");
		expect(await store.read("index.json")).toBeNull();
		expect(existsSync(join(dir, "index.json.tmp"))).toBe(false);
	});

	it("keeps names inside its folder: sub-folders are made, escapes are refused", async () => {
		const { store, dir } = await storeIn();
		await store.write("manifests/target 1.json", "m");
		expect(readFileSync(join(dir, "manifests/target 1.json"), "utf8")).toBe("m");
		for (const bad of ["../data.json", "a/../../b", "/abs", "a\\b", ""]) {
			await expect(store.write(bad, "x"), bad).rejects.toThrow(/Bad data file name/);
		}
	});

	it("stays out of the vault's notes: no create or modify events for its files", async () => {
		const { host, store } = await storeIn();
		await store.write("index.json", "x");
		await store.write("index.json", "y");
		expect(host.vault.eventLog).toEqual([]);
		expect(host.vault.writesTo(`${FOLDER}/index.json.tmp`)).toBe(2);
	});
});
