// What counts as a failure (empty, not a photo, unreadable) and what degrades to partial metadata instead.
import { describe, expect, it } from "vitest";
import { PhotoArchivistError } from "../../../src/core/model/errors";
import type { Log } from "../../../src/core/ports/log";
import { readMetadata } from "../../../src/core/metadata/read-metadata";
import { makeJpeg } from "../../../tools/exif-jpeg";
import { memoryByteSource } from "../../support/file-byte-source";
import { makeHeif } from "./heif-builder";

const MTIME = Date.UTC(2030, 0, 1);

async function failure(bytes: Uint8Array, name = "photo.jpg"): Promise<PhotoArchivistError> {
	const error: unknown = await readMetadata(memoryByteSource(bytes), name, MTIME).then(
		() => new Error("expected a failure"),
		(e: unknown) => e,
	);
	if (!(error instanceof PhotoArchivistError)) throw error;
	return error;
}

function recordingLog(): Log & { warnings: string[] } {
	const warnings: string[] = [];
	return { warnings, warn: (message) => warnings.push(message), debug: () => {} };
}

function indexOfText(bytes: Uint8Array, text: string): number {
	const codes = Array.from(text, (c) => c.charCodeAt(0));
	return bytes.findIndex((_, i) => codes.every((code, j) => bytes[i + j] === code));
}

/** Deterministic noise (a linear congruential generator), so a failure can be reproduced. */
function noise(length: number, seed: number): Uint8Array {
	const out = new Uint8Array(length);
	let state = seed;
	for (let i = 0; i < length; i++) {
		state = (state * 1103515245 + 12345) >>> 0;
		out[i] = state >>> 24;
	}
	return out;
}

describe("bad input", () => {
	it("rejects a zero-byte file as empty", async () => {
		const error = await failure(new Uint8Array(0));
		expect([error.code, error.message]).toEqual(["empty-file", "empty file (0 bytes)"]);
	});

	it("rejects a text file named .jpg as text, whatever its extension says", async () => {
		const error = await failure(new TextEncoder().encode("---\ntitle: not a photo\n---\nSome notes, ünïcödé.\n"));
		expect([error.code, error.message]).toEqual(["unknown-format", "not a photo: the file holds text"]);
	});

	it("rejects random bytes, showing how the file starts", async () => {
		const bytes = noise(4096, 7);
		const error = await failure(bytes);
		expect(error.code).toBe("unknown-format");
		const hex = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join(" ");
		expect(error.message).toBe(`not a recognised photo or video format (starts with ${hex})`);
	});

	it("never throws anything but a coded error or a result on random data behind a photo signature", async () => {
		const signatures = [[0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x49, 0x49, 0x2a, 0], [0x4d, 0x4d, 0, 0x2a]];
		for (const [i, signature] of signatures.entries()) {
			for (let seed = 1; seed <= 25; seed++) {
				const bytes = noise(2048, seed * 31 + i);
				bytes.set(signature);
				const meta = await readMetadata(memoryByteSource(bytes), "x.jpg", MTIME);
				expect(meta.takenSource).toBe("file");
			}
		}
	});

	it("reads a truncated JPEG whose EXIF survived", async () => {
		const whole = makeJpeg({ make: "Canon", dateTimeOriginal: "2007:08:15 10:13:13" });
		const cut = whole.subarray(0, whole.length - 40);
		const meta = await readMetadata(memoryByteSource(cut), "broken.jpg", MTIME);
		expect(meta).toMatchObject({ taken: "2007-08-15T10:13:13", make: "Canon" });
	});

	it("degrades a JPEG cut inside its EXIF to the file time, without failing", async () => {
		const whole = makeJpeg({ make: "Canon", dateTimeOriginal: "2007:08:15 10:13:13" });
		const meta = await readMetadata(memoryByteSource(whole.subarray(0, 60)), "cut.jpg", MTIME);
		expect(meta).toMatchObject({ taken: "2030-01-01T00:00:00Z", takenSource: "file", mime: "image/jpeg" });
	});

	it("degrades a JPEG whose APP1 holds garbage instead of a TIFF structure", async () => {
		const garbage = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x12, ...new TextEncoder().encode("Exif\0\0"), ...noise(10, 3), 0xff, 0xd9]);
		const meta = await readMetadata(memoryByteSource(garbage), "odd.jpg", MTIME);
		expect(meta.takenSource).toBe("file");
	});

	it("logs what went wrong when a recognised file's metadata is damaged, and keeps the file", async () => {
		const heif = makeHeif({});
		const iloc = indexOfText(heif, "iloc");
		// Offset and length fields of 2 bytes: iloc allows only 0, 4 or 8.
		heif[iloc + 8] = 0x22;
		const log = recordingLog();
		const meta = await readMetadata(memoryByteSource(heif), "IMG_1.HEIC", MTIME, log);
		expect(meta).toMatchObject({ takenSource: "file", mime: "image/heic" });
		expect(log.warnings).toEqual(["IMG_1.HEIC: heif metadata partly unreadable, kept what was read: iloc field size 2 is not 0, 4 or 8"]);
	});

	it("reports a source that cannot be read as an io failure, not as a damaged photo", async () => {
		const source = { size: 1000, read: () => Promise.reject(new Error("EACCES: permission denied")) };
		const error: unknown = await readMetadata(source, "locked.jpg", MTIME).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PhotoArchivistError);
		expect((error as PhotoArchivistError).code).toBe("io");
		expect((error as PhotoArchivistError).message).toBe("could not read the file: EACCES: permission denied");
	});

	it("names the type by content when the extension lies", async () => {
		const meta = await readMetadata(memoryByteSource(makeJpeg({ make: "Nikon" })), "photo.png", MTIME);
		expect(meta).toMatchObject({ mime: "image/jpeg", make: "Nikon" });
	});
});
