// Removing the location from every real photo and video of the corpus: read back with exifr (and our own
// readers, for the formats exifr does not open), no position is left, and the date taken and camera stay.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "exifr";
import { describe, expect, it } from "vitest";
import { planLocationStrip } from "../../src/core/export/strip/strip-location";
import { readMetadata } from "../../src/core/metadata/read-metadata";
import { exifToolReference, requireCorpus } from "../support/corpus";
import { memoryByteSource } from "../support/file-byte-source";
import { applyPatches } from "../core/export/strip-fixtures";

const corpus = requireCorpus();

/** exifr's position of a file, or null where exifr cannot open the format (videos, CR3, RAF, GIF, WebP). */
async function exifrPosition(bytes: Uint8Array): Promise<{ latitude: unknown; longitude: unknown } | null> {
	try {
		const out = (await parse(bytes, { gps: true, xmp: true })) as Record<string, unknown> | undefined;
		return { latitude: out?.latitude, longitude: out?.longitude };
	} catch {
		return null;
	}
}

describe.skipIf(corpus === null)("removing the location from the corpus", () => {
	const dir = corpus ?? "";
	const withGps = new Set(exifToolReference(dir).filter((r) => r.GPSLatitude !== undefined).map((r) => r.FileName));
	const names = readdirSync(dir).filter((name) => !name.endsWith(".md"));

	it("finds the files ExifTool reads a position from", () => {
		expect(withGps.size).toBeGreaterThanOrEqual(8);
	});

	it.each(names)("%s: no position left, same size, date and camera kept", async (name) => {
		const original = new Uint8Array(readFileSync(join(dir, name)));
		const plan = await planLocationStrip(memoryByteSource(original), name);
		const before = await readMetadata(memoryByteSource(original), name, 0).catch(() => null);
		if (before === null) {
			// Not a photo at all (the corpus has broken files): nothing is claimed stripped.
			expect(plan.problems.length).toBeGreaterThan(0);
			return;
		}
		expect(plan.problems).toEqual([]);
		if (withGps.has(name)) expect(before.latitude).not.toBeNull();
		const copy = applyPatches(original, plan.patches);
		expect(copy.length).toBe(original.length);
		const after = await readMetadata(memoryByteSource(copy), name, 0);
		expect(after).toMatchObject({ latitude: null, longitude: null, altitude: null, taken: before.taken, make: before.make, model: before.model, width: before.width });
		const exifr = await exifrPosition(copy);
		if (exifr !== null) expect(exifr).toEqual({ latitude: undefined, longitude: undefined });
		if (withGps.has(name)) expect(plan.patches.length).toBeGreaterThan(0);
	});
});
