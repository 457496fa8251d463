// Duplicate search over the real-photo corpus: distinct photos must not be grouped; the eight orientation
// fixtures (one picture stored eight ways, each with the EXIF orientation that shows it upright) must be;
// and a shrunk, re-encoded copy of a real phone photo is found next to the original, hashed from its thumbnail.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decode, encode } from "jpeg-js";
import { describe, expect, it } from "vitest";
import { requireCorpus } from "../support/corpus";
import { countingDecoder, duplicatesVault, resized } from "../core/duplicates/duplicate-fixtures";

const corpus = requireCorpus();

describe.skipIf(corpus === null)("duplicates in the corpus", () => {
	it("groups only the same picture: the orientation fixtures, and a shrunk copy of a phone photo", async () => {
		const dir = corpus as string;
		const vault = await duplicatesVault();
		for (const name of readdirSync(dir)) {
			if (!name.endsWith(".md")) await vault.write(`Photos/corpus/${name}`, readFileSync(join(dir, name)));
		}
		// The phone photo shrunk to a fifth and saved again without its EXIF, as a messenger app shares it.
		const phone = decode(readFileSync(join(dir, "IMG_20180725_163423.jpg")), { useTArray: true, maxMemoryUsageInMB: 1024 });
		const small = resized({ width: phone.width, height: phone.height, pixels: phone.data }, 810, 607);
		await vault.write("Photos/Shared/IMG_20180725_163423-small.jpg", new Uint8Array(encode({ width: 810, height: 607, data: small.pixels }, 70).data));

		const decoder = countingDecoder();
		const engine = vault.engine(decoder);
		await engine.indexAll();
		const report = await engine.duplicates.find();

		const groups = report.groups.map((g) => g.members.map((m) => m.path).sort());
		const orientation = Array.from({ length: 8 }, (_, i) => `Photos/corpus/orientation-f${i + 1}.jpg`);
		expect(groups).toEqual([
			["Photos/Shared/IMG_20180725_163423-small.jpg", "Photos/corpus/IMG_20180725_163423.jpg"],
			orientation,
		]);
		expect(report.groups.every((g) => g.kind === "similar")).toBe(true);
		// The 4048 × 3036 original was hashed from its EXIF thumbnail, never decoded whole.
		expect(decoder.calls.some((c) => c.width === 4048)).toBe(false);
		// Videos, formats jpeg-js cannot decode (HEIC, AVIF, PNG, RAW…), and the blank 8 × 8 test images are left out.
		const reasons = Object.fromEntries(report.notCompared.map((c) => [c.reason, c.count]));
		expect(reasons).toMatchObject({ video: 3, plain: 5 });
		expect(reasons.format).toBeGreaterThanOrEqual(10);
		expect(report.failed).toEqual([]);
	});
});
