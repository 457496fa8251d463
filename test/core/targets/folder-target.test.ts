// The folder target beyond the shared contract: a missing drive, a full or read-only one, a photo changing mid-copy.
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createNodeLocalFs } from "../../../src/adapters/node/node-local-fs";
import { TargetError } from "../../../src/core/model/target-error";
import type { LocalFs } from "../../../src/core/ports/local-fs";
import type { UploadBody } from "../../../src/core/ports/target";
import { createFolderTarget } from "../../../src/core/targets/folder-target";
import { bytesBody, generatedBody } from "../../servers/upload-bodies";
import { tempDir } from "../../support/temp-dir";

const systemError = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code });

async function everything(dir: string): Promise<string[]> {
	return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe("folder target", () => {
	it("does not create a missing root (a drive that is not connected): not-found, in plain words", async () => {
		const root = join(await tempDir(), "Volumes", "Backup SSD");
		const target = createFolderTarget({ root, fs: createNodeLocalFs() });
		await expect(target.put("a.jpg", bytesBody(new Uint8Array(3)))).rejects.toMatchObject({
			code: "not-found",
			message: `The folder ${root} does not exist: is the drive connected? Create the folder if it is new.`,
		});
		await expect(target.quota()).rejects.toMatchObject({ code: "not-found" });
		expect(await target.list("")).toEqual({ files: [], folders: [] });
	});

	it("reports the free space of the drive", async () => {
		const target = createFolderTarget({ root: await tempDir(), fs: createNodeLocalFs() });
		const quota = await target.quota();
		expect(quota?.available).toBeGreaterThan(0);
		expect(target.capabilities).toEqual({ quota: true, resumableUpload: false });
	});

	it("leaves neither the file nor its temporary when the photo changes while it is copied", async () => {
		const root = await tempDir();
		const target = createFolderTarget({ root, fs: createNodeLocalFs() });
		const real = generatedBody(300_000);
		const shrunk: UploadBody = { size: 400_000, open: (start) => real.open(start) };
		await expect(target.put("p/a.jpg", shrunk)).rejects.toThrow(/changed while it was being uploaded \(400000 bytes were expected, 300000 were read\)/);
		expect(await everything(root)).toEqual(["p"]);
	});

	it("cleans up its temporary when cancelled", async () => {
		const root = await tempDir();
		const target = createFolderTarget({ root, fs: createNodeLocalFs() });
		const controller = new AbortController();
		const body = generatedBody(2_000_000, { onChunk: (n) => (n > 500_000 ? controller.abort() : undefined) });
		await expect(target.put("c/a.jpg", body, { signal: controller.signal })).rejects.toMatchObject({ code: "cancelled" });
		expect(await everything(root)).toEqual(["c"]);
	});

	it("treats a folder where the file should go as taken", async () => {
		const root = await tempDir();
		const target = createFolderTarget({ root, fs: createNodeLocalFs() });
		await target.put("x/a.jpg/inner.jpg", bytesBody(new Uint8Array(1)));
		await expect(target.put("x/a.jpg", bytesBody(new Uint8Array(1)))).rejects.toMatchObject({ code: "exists" });
	});

	it("hides its own temporaries from listings, but not other hidden files", async () => {
		const root = await tempDir();
		const target = createFolderTarget({ root, fs: createNodeLocalFs() });
		await writeFile(join(root, ".a.jpg.pa-partial"), "leftover");
		await writeFile(join(root, ".manifest.json"), "{}");
		expect((await target.list("")).files.map((f) => f.path)).toEqual([".manifest.json"]);
	});

	it.each<[string, string, RegExp]>([
		["ENOSPC", "no-space", /is full/],
		["EDQUOT", "no-space", /is full/],
		["EACCES", "auth", /No permission to write to .* \(EACCES\)/],
		["EROFS", "auth", /read-only/],
		["EIO", "transient", /still connected/],
		["EINVAL", "refused", /Could not finish writing w\.jpg/],
	])("a write failing with %s is %s", async (code, expected, message) => {
		const root = await tempDir();
		const real = createNodeLocalFs();
		const fs: LocalFs = {
			...real,
			openWriter: async (path) => {
				const writer = await real.openWriter(path);
				return { ...writer, write: () => Promise.reject(systemError(code)) };
			},
		};
		const error = await createFolderTarget({ root, fs })
			.put("w.jpg", bytesBody(new Uint8Array(10)))
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TargetError);
		expect((error as TargetError).code).toBe(expected);
		expect((error as TargetError).message).toMatch(message);
		expect(await everything(root)).toEqual([]);
	});

	it("never replaces a file that appears between its check and its rename", async () => {
		const root = await tempDir();
		const real = createNodeLocalFs();
		const fs: LocalFs = {
			...real,
			renameNoReplace: async (from, to) => {
				await writeFile(to, "arrived meanwhile");
				return real.renameNoReplace(from, to);
			},
		};
		await expect(createFolderTarget({ root, fs }).put("r.jpg", bytesBody(new Uint8Array(5)))).rejects.toMatchObject({ code: "exists" });
		expect(await everything(root)).toEqual(["r.jpg"]);
	});
});
