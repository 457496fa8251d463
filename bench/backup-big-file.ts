/**
 * The one large video of the backup set: a real QuickTime file from the corpus followed by a `free` box of
 * random bytes, so it indexes like a video (date, camera, duration) and weighs what the benchmark asks.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open } from "node:fs/promises";
import { join } from "node:path";
import type { CorpusFile } from "./make-vault";

const CHUNK = 8 * 1024 * 1024;
const U32_LIMIT = 2 ** 32;

export interface BigFile {
	path: string;
	bytes: number;
}

/** ISO-BMFF box header: 8 bytes, or 16 with the 64-bit size when the box reaches 4 GiB. */
function freeBoxHeader(payload: number): Buffer {
	if (payload + 8 < U32_LIMIT) {
		const header = Buffer.alloc(8);
		header.writeUInt32BE(payload + 8, 0);
		header.write("free", 4, "latin1");
		return header;
	}
	const header = Buffer.alloc(16);
	header.writeUInt32BE(1, 0);
	header.write("free", 4, "latin1");
	header.writeBigUInt64BE(BigInt(payload + 16), 8);
	return header;
}

/** Writes `<photosFolder>/big/big-video.mov` of `megabytes` × 10^6 bytes, chunk by chunk (memory stays small). */
export async function writeBigVideo(corpus: readonly CorpusFile[], photosFolder: string, megabytes: number): Promise<BigFile> {
	const source = corpus.find((f) => f.extension === "mov") ?? corpus.find((f) => f.extension === "mp4");
	if (source === undefined) throw new Error("the corpus holds no .mov or .mp4 to make the large video from");
	const total = megabytes * 1_000_000;
	const headerSize = total - source.bytes.length >= U32_LIMIT ? 16 : 8;
	const payload = total - source.bytes.length - headerSize;
	if (payload < 0) throw new Error(`--big-mb ${megabytes} is smaller than the video it is made from (${source.bytes.length} bytes)`);
	const folder = join(photosFolder, "big");
	await mkdir(folder, { recursive: true });
	const path = join(folder, `big-video.${source.extension}`);
	const file = await open(path, "w");
	try {
		await file.write(source.bytes);
		await file.write(freeBoxHeader(payload));
		// Random bytes: nothing on the way (TLS, a proxy, a file system) can compress them to a faster figure.
		for (let left = payload; left > 0; left -= CHUNK) await file.write(randomBytes(Math.min(CHUNK, left)));
	} finally {
		await file.close();
	}
	return { path, bytes: total };
}
