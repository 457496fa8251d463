// readMetadata reads the metadata of large corpus files, not the files: a few windows of 64 KB at most.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readMetadata } from "../../src/core/metadata/read-metadata";
import { requireCorpus } from "../support/corpus";
import { fileByteSource } from "../support/file-byte-source";

const dir = requireCorpus();
const WINDOW = 64 * 1024;

async function readCounting(name: string) {
	const source = await fileByteSource(join(dir ?? "", name));
	const meta = await readMetadata(source, name, 0);
	return { meta, source };
}

describe.skipIf(dir === null)("ranged reads on the corpus", () => {
	it.each(["IMG_20180725_163423.jpg", "canon-dslr.jpg", "heic-iphone.heic", "heic-iphone7.heic"])("reads one window of %s", async (name) => {
		const { meta, source } = await readCounting(name);
		expect(meta.takenSource).toBe("exif");
		expect(source.size).toBeGreaterThan(1_000_000);
		expect(source.bytesRead).toBeLessThanOrEqual(WINDOW);
	});

	it("reads a video's moov at the end of the file without fetching the media data after the first window", async () => {
		const { meta, source } = await readCounting("generated-iphone-style.mov");
		expect(meta.model).toBe("iPhone 15");
		const mediaEnd = 195_618;
		expect(source.ranges[0]?.start).toBe(0);
		for (const range of source.ranges.slice(1)) expect(range.start).toBeGreaterThanOrEqual(mediaEnd);
	});

	it("reads a TIFF's directories at the end of the file without reading the image before them", async () => {
		const { meta, source } = await readCounting("001.tif");
		expect(meta.make).toBe("DJI");
		expect(source.bytesRead).toBeLessThan(source.size / 4);
	});
});
