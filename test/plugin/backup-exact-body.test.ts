import { describe, expect, it } from "vitest";
import type { UploadBody } from "../../src/core/ports/target";
import { exactArrayBuffer } from "../../src/plugin/backup/exact-body";

function bodyOf(size: number, chunks: Uint8Array[]): UploadBody {
	return {
		size,
		async *open() {
			yield* chunks;
		},
	};
}

describe("upload bodies for requestUrl", () => {
	it("holds exactly the body's bytes when the chunks are views into larger buffers", async () => {
		const pool = new Uint8Array(64).map((_, i) => i);
		const buffer = await exactArrayBuffer(bodyOf(6, [pool.subarray(10, 13), pool.subarray(40, 43)]));
		expect(buffer).toBeInstanceOf(ArrayBuffer);
		expect([...new Uint8Array(buffer)]).toEqual([10, 11, 12, 40, 41, 42]);
	});

	it("passes a whole-file chunk on without copying it (a phone already holds the file once)", async () => {
		const whole = new Uint8Array([1, 2, 3]);
		expect(await exactArrayBuffer(bodyOf(3, [whole]))).toBe(whole.buffer);
		const view = new Uint8Array(new ArrayBuffer(8), 2, 3);
		expect((await exactArrayBuffer(bodyOf(3, [view]))).byteLength).toBe(3);
	});

	it("refuses a body that is not the size announced: the photo changed while it was read", async () => {
		await expect(exactArrayBuffer(bodyOf(4, [new Uint8Array(3)]))).rejects.toThrow(/changed while it was being read: expected 4 bytes, found 3/);
		await expect(exactArrayBuffer(bodyOf(2, [new Uint8Array(3)]))).rejects.toThrow(/expected 2 bytes, found more than 2/);
	});
});
