/**
 * Proves the benchmark's copies are still the photos they were made from: the engine and ExifTool read each
 * varied copy exactly as they read its original (apart from the comment the variation adds).
 */
import { mkdir, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { openVault } from "../src/cli/vault";
import { describeError } from "../src/core/model/errors";
import { timeProcess } from "./external-runs";
import type { CorpusFile } from "./make-vault";
import { variantTag } from "./make-vault";
import { varyPhoto } from "./vary-photo";

/** Tags the variation itself adds (JPEG/GIF comment, PNG tEXt keyword) or that describe the file, not the photo. */
const IGNORED_TAGS = new Set([
	"SourceFile", "Directory", "FileSize", "FileModifyDate", "FileAccessDate", "FileInodeChangeDate",
	"FilePermissions", "Comment", "BenchVariant",
]);

type Reading = Record<string, unknown>;

async function writePairs(corpus: readonly CorpusFile[], folder: string): Promise<void> {
	// One whole-second modification time for both, so a photo dated from the file system reads the same in each.
	const mtime = Math.floor(Date.now() / 1000);
	await mkdir(join(folder, "original"), { recursive: true });
	await mkdir(join(folder, "variant"), { recursive: true });
	for (const file of corpus) {
		const original = join(folder, "original", file.name);
		const variant = join(folder, "variant", file.name);
		await writeFile(original, file.bytes);
		await writeFile(variant, varyPhoto(file.bytes, file.extension, variantTag(0)));
		await utimes(original, mtime, mtime);
		await utimes(variant, mtime, mtime);
	}
}

async function engineReading(inspect: (path: string) => Promise<unknown>, path: string): Promise<string> {
	try {
		return JSON.stringify(await inspect(path));
	} catch (error) {
		return `error: ${describeError(error)}`;
	}
}

function tagDifferences(original: Reading, variant: Reading): string[] {
	const differences: string[] = [];
	for (const tag of new Set([...Object.keys(original), ...Object.keys(variant)])) {
		if (IGNORED_TAGS.has(tag)) continue;
		const [a, b] = [JSON.stringify(original[tag]), JSON.stringify(variant[tag])];
		if (a !== b) differences.push(`${tag} ${a} -> ${b}`);
	}
	return differences;
}

async function exiftoolReadings(folder: string): Promise<Map<string, Reading>> {
	const run = await timeProcess("exiftool", ["-json", "-n", "-fast", "-r", folder], true);
	const readings = JSON.parse(run.stdout) as Reading[];
	return new Map(readings.map((r) => [String(r.SourceFile).slice(folder.length + 1), r]));
}

/** Problems found, one line each; empty when every copy reads like its original. */
export async function checkVariants(
	corpus: readonly CorpusFile[],
	folder: string,
	withExiftool: boolean,
): Promise<string[]> {
	await writePairs(corpus, folder);
	const problems: string[] = [];
	const { engine } = await openVault(folder);
	const inspect = (path: string): Promise<unknown> => engine.inspect(path);
	for (const file of corpus) {
		const original = await engineReading(inspect, `original/${file.name}`);
		const variant = await engineReading(inspect, `variant/${file.name}`);
		if (original !== variant) problems.push(`${file.name}: the engine reads ${variant} instead of ${original}`);
	}
	if (withExiftool) {
		const readings = await exiftoolReadings(folder);
		for (const file of corpus) {
			const original = readings.get(`original/${file.name}`);
			const variant = readings.get(`variant/${file.name}`);
			if (!original || !variant) {
				problems.push(`${file.name}: ExifTool did not read ${original ? "the copy" : "the original"}`);
				continue;
			}
			const differences = tagDifferences(original, variant);
			if (differences.length > 0) problems.push(`${file.name}: ExifTool reads ${differences.join("; ")}`);
		}
	}
	return problems;
}
