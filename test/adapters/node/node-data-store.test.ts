import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NodeDataStore } from "../../../src/adapters/node/node-data-store";

const folders: string[] = [];

async function store(): Promise<{ store: NodeDataStore; dir: string }> {
	const dir = await mkdtemp(join(tmpdir(), "pa-data-"));
	folders.push(dir);
	return { store: new NodeDataStore(dir), dir };
}

afterEach(async () => {
	for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("NodeDataStore", () => {
	it("reads each text file whole and only itself, whatever was read before it (one buffer serves every read)", async () => {
		const { store: data, dir } = await store();
		const big = "é".repeat(300_000) + "end";
		await writeFile(join(dir, "big.jsonl"), big);
		await writeFile(join(dir, "small.jsonl"), "small ✓");
		await writeFile(join(dir, "empty.jsonl"), "");
		expect(await data.read("big.jsonl")).toBe(big);
		expect(await data.read("small.jsonl")).toBe("small ✓");
		expect(await data.read("empty.jsonl")).toBe("");
		expect(await data.read("big.jsonl")).toBe(big);
		expect(await data.read("missing.jsonl")).toBeNull();
	});

	it("reads bytes into a buffer of their own, which a later read does not touch", async () => {
		const { store: data } = await store();
		await data.writeBytes("a.bin", new Uint8Array([1, 2, 3]));
		const first = await data.readBytes("a.bin");
		await data.writeBytes("a.bin", new Uint8Array([9, 9, 9, 9]));
		await data.read("a.bin");
		expect([...(first ?? [])]).toEqual([1, 2, 3]);
		expect([...((await data.readBytes("a.bin")) ?? [])]).toEqual([9, 9, 9, 9]);
		expect(await data.readBytes("missing.bin")).toBeNull();
	});

	it("replaces a file whole through a temporary name, text or bytes, leaving nothing else behind", async () => {
		const { store: data, dir } = await store();
		await data.write("index.jsonl", "first, and longer than the second");
		await data.write("index.jsonl", "second");
		await data.writeBytes("photo-index.bin", new Uint8Array([0, 255]));
		expect(await data.read("index.jsonl")).toBe("second");
		expect((await readdir(dir)).sort()).toEqual(["index.jsonl", "photo-index.bin"]);
	});
});
