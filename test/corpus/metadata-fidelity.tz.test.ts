// readMetadata against ExifTool 12.57's reading of the real-photo corpus, under every test time zone.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PhotoMetadata } from "../../src/core/model/photo-metadata";
import { readMetadata } from "../../src/core/metadata/read-metadata";
import { type ExifToolRecord, exifToolReference, requireCorpus } from "../support/corpus";
import { fileByteSource } from "../support/file-byte-source";

const dir = requireCorpus();
const MTIME = Date.UTC(2001, 0, 1);

interface Check {
	file: string;
	field: string;
	expected: unknown;
	actual: unknown;
	agrees: boolean;
}

/** ExifTool's taken time: DateTimeOriginal (+ OffsetTimeOriginal), else a video's CreationDate, else CreateDate. */
function referenceTaken(ref: ExifToolRecord): { wallClock: string; offset: string | null } | null {
	const text = [ref.DateTimeOriginal, ref.CreationDate, ref.CreateDate].find((v) => typeof v === "string");
	if (typeof text !== "string") return null;
	const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2}|Z)?/.exec(text);
	if (!match) return null;
	const inline = match[5] ?? null;
	const offset = text === ref.DateTimeOriginal && typeof ref.OffsetTimeOriginal === "string" ? ref.OffsetTimeOriginal : inline;
	return { wallClock: `${match[1]}-${match[2]}-${match[3]}T${match[4]}`, offset };
}

function offsetOf(taken: string): string | null {
	return /([+-]\d{2}:\d{2}|Z)$/.exec(taken)?.[1] ?? null;
}

/** A value ExifTool reports that means something: writers put 0 or "" where they recorded nothing. */
function present(value: unknown): boolean {
	return value !== undefined && value !== "" && value !== 0;
}

function near(a: unknown, b: number, relative: number): boolean {
	return within(a, b, relative * Math.abs(b));
}

function within(a: unknown, b: number, tolerance: number): boolean {
	return typeof a === "number" && Math.abs(a - b) <= tolerance;
}

/** The four fields that must agree everywhere: taken time, make, model, GPS position. */
function coreChecks(file: string, ref: ExifToolRecord, meta: PhotoMetadata): Check[] {
	const checks: Check[] = [];
	const add = (field: string, expected: unknown, actual: unknown, agrees: boolean) => checks.push({ file, field, expected, actual, agrees });
	const taken = referenceTaken(ref);
	if (taken) {
		const actual = meta.taken ?? "";
		const wallClockAgrees = meta.takenSource !== "file" && actual.slice(0, 19) === taken.wallClock;
		add("taken", taken, actual, wallClockAgrees && (taken.offset === null || offsetOf(actual) === taken.offset));
	}
	if (present(ref.Make)) add("make", ref.Make, meta.make, meta.make === String(ref.Make).trim());
	if (present(ref.Model)) add("model", ref.Model, meta.model, meta.model === String(ref.Model).trim());
	if (typeof ref.GPSLatitude === "number" && typeof ref.GPSLongitude === "number") {
		const agrees = within(meta.latitude, ref.GPSLatitude, 1e-5) && within(meta.longitude, ref.GPSLongitude, 1e-5);
		add("gps", [ref.GPSLatitude, ref.GPSLongitude], [meta.latitude, meta.longitude], agrees);
	}
	return checks;
}

/** The other fields, reported as a figure: lens, focal length, aperture, exposure, ISO, size, orientation, altitude. */
function otherChecks(file: string, ref: ExifToolRecord, meta: PhotoMetadata): Check[] {
	const checks: Check[] = [];
	const add = (field: string, expected: unknown, actual: unknown, agrees: boolean) => checks.push({ file, field, expected, actual, agrees });
	if (present(ref.LensModel)) add("lens", ref.LensModel, meta.lens, meta.lens === String(ref.LensModel).trim());
	const numbers: [string, unknown, number | null][] = [
		["focalLength", ref.FocalLength, meta.focalLength],
		["aperture", ref.FNumber, meta.aperture],
		["exposureTime", ref.ExposureTime, meta.exposureTime],
		["iso", ref.ISO, meta.iso],
		["orientation", ref.Orientation, meta.orientation],
	];
	for (const [field, expected, actual] of numbers) {
		if (typeof expected === "number" && present(expected)) add(field, expected, actual, near(actual, expected, 1e-3));
	}
	if (typeof ref.GPSAltitude === "number") add("altitude", ref.GPSAltitude, meta.altitude, within(meta.altitude, ref.GPSAltitude, 0.01));
	if (typeof ref.ImageSize === "string") add("size", ref.ImageSize, `${meta.width} ${meta.height}`, ref.ImageSize === `${meta.width} ${meta.height}`);
	return checks;
}

function figure(checks: Check[]): string {
	const agreeing = checks.filter((c) => c.agrees).length;
	return `${agreeing}/${checks.length}`;
}

describe.skipIf(dir === null)("metadata of the real-photo corpus agrees with ExifTool", () => {
	const corpus = dir ?? "";
	const reference = dir ? exifToolReference(corpus) : [];
	const files = dir ? readdirSync(corpus).filter((f) => !f.endsWith(".md")).sort() : [];
	const read = new Map<string, PhotoMetadata>();

	beforeAll(async () => {
		for (const file of files) read.set(file, await readMetadata(await fileByteSource(join(corpus, file)), file, MTIME));
	});

	it("has an ExifTool reading for every photo in the folder", () => {
		expect(files.length).toBeGreaterThan(30);
		expect(files.filter((f) => !reference.some((r) => r.FileName === f))).toEqual([]);
	});

	it("agrees on taken time, make, model and GPS for every file where ExifTool finds them", () => {
		const checks = reference.flatMap((ref) => coreChecks(ref.FileName, ref, read.get(ref.FileName) as PhotoMetadata));
		console.debug(`taken/make/model/GPS: ${figure(checks)} fields agree over ${reference.length} files`);
		expect(checks.filter((c) => !c.agrees)).toEqual([]);
		expect(new Set(checks.map((c) => c.field))).toEqual(new Set(["taken", "make", "model", "gps"]));
	});

	it("agrees on lens, exposure, size, orientation and altitude", () => {
		const checks = reference.flatMap((ref) => otherChecks(ref.FileName, ref, read.get(ref.FileName) as PhotoMetadata));
		console.debug(`lens/focal/aperture/exposure/ISO/size/orientation/altitude: ${figure(checks)} fields agree`);
		expect(checks.filter((c) => !c.agrees)).toEqual([]);
		expect(new Set(checks.map((c) => c.field)).size).toBe(8);
	});

	it("falls back to the file time only where ExifTool finds no date either", () => {
		const fallbacks = reference.filter((ref) => read.get(ref.FileName)?.takenSource === "file").map((ref) => ref.FileName);
		expect(fallbacks.filter((f) => referenceTaken(reference.find((r) => r.FileName === f) as ExifToolRecord) !== null)).toEqual([]);
		for (const f of fallbacks) expect(read.get(f)?.taken).toBe("2001-01-01T00:00:00Z");
	});
});
