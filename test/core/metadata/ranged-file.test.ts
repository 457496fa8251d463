// The cached window reader every format reader goes through.
import { describe, expect, it } from "vitest";
import { PhotoArchivistError } from "../../../src/core/model/errors";
import { RangedFile, WINDOW_SIZE } from "../../../src/core/metadata/ranged-file";
import { memoryByteSource } from "../../support/file-byte-source";

function numbered(length: number): Uint8Array {
	return Uint8Array.from({ length }, (_, i) => i % 251);
}

describe("RangedFile", () => {
	it("serves small reads inside a fetched window without another read", async () => {
		const source = memoryByteSource(numbered(500_000));
		const file = new RangedFile(source);
		expect(Array.from(await file.bytes(10, 14))).toEqual([10, 11, 12, 13]);
		expect(Array.from(await file.bytes(1000, 1002))).toEqual([1000 % 251, 1001 % 251]);
		expect(source.reads).toBe(1);
		expect(file.bytesRead).toBe(WINDOW_SIZE);
	});

	it("fetches exactly a range larger than a window", async () => {
		const source = memoryByteSource(numbered(500_000));
		const file = new RangedFile(source);
		expect((await file.bytes(0, 200_000)).length).toBe(200_000);
		expect(source.bytesRead).toBe(200_000);
	});

	it("clips reads to the file and returns nothing past its end", async () => {
		const file = new RangedFile(memoryByteSource(numbered(100)));
		expect((await file.bytes(90, 200)).length).toBe(10);
		expect((await file.bytes(150, 160)).length).toBe(0);
		expect((await file.bytes(-5, 3)).length).toBe(3);
	});

	it("turns a failing source into an io error carrying the cause", async () => {
		const cause = new Error("disk gone");
		const file = new RangedFile({ size: 10, read: () => Promise.reject(cause) });
		const error: unknown = await file.bytes(0, 4).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PhotoArchivistError);
		expect(error).toMatchObject({ code: "io", message: "could not read the file: disk gone", cause });
	});
});
