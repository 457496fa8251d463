/**
 * `npm run demo`: makes a sample vault of generated photos, indexes it with the same engine as the CLI and
 * the plugin, and prints where the notes are. Open the folder as a vault in Obsidian to see them there.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { formatSummary } from "../src/cli/commands/index-command";
import { openVault } from "../src/cli/vault";
import { makeJpeg, type JpegOptions } from "./exif-jpeg";

const SAMPLES: { path: string; photo: JpegOptions }[] = [
	{ path: "Photos/2024/06 Lisbon/IMG_0001.jpg", photo: { make: "Apple", model: "iPhone 15 Pro", dateTimeOriginal: "2024:06:01 18:42:05", subSecTimeOriginal: "120", offsetTimeOriginal: "+01:00", fNumber: 1.78, exposureTime: 1 / 120, iso: 80, focalLength: 6.86, lensModel: "iPhone 15 Pro back triple camera 6.86mm f/1.78", gps: { latitude: 38.7139, longitude: -9.1334, altitude: 42 }, pixelWidth: 4032, pixelHeight: 3024 } },
	{ path: "Photos/2024/06 Lisbon/IMG_0002.jpg", photo: { make: "Apple", model: "iPhone 15 Pro", dateTimeOriginal: "2024:06:02 09:15:40", offsetTimeOriginal: "+01:00", gps: { latitude: 38.6916, longitude: -9.2160 }, orientation: 6 } },
	{ path: "Photos/2023/Family/DSC_4410.jpg", photo: { make: "NIKON CORPORATION", model: "NIKON Z 6_2", dateTimeOriginal: "2023:12:24 19:30:11", fNumber: 2.8, exposureTime: 1 / 60, iso: 3200, focalLength: 35, lensModel: "NIKKOR Z 24-70mm f/4 S" } },
	{ path: "Photos/2023/Family/Grandma's #1 [80th].jpg", photo: { make: "Canon", model: "Canon EOS R6", dateTimeOriginal: "2023:08:12 15:01:09", offsetTimeOriginal: "-04:00" } },
	{ path: "Photos/Scans/1987 summer.jpg", photo: { make: "Scanner: model ---\n[[not a link]]", model: "\"quoted\" | piped" } },
];

async function main(): Promise<void> {
	const vaultPath = resolve(process.argv[2] ?? "demo-vault");
	await rm(vaultPath, { recursive: true, force: true });
	for (const [i, sample] of SAMPLES.entries()) {
		const file = join(vaultPath, sample.path);
		await mkdir(dirname(file), { recursive: true });
		await writeFile(file, makeJpeg({ ...sample.photo, seed: i }));
	}
	await writeFile(join(vaultPath, "Welcome.md"), "# Photo Archivist demo\n\nEvery photo under `Photos/` has a note under `Photo Notes/`.\n");
	const vault = await openVault(vaultPath);
	const summary = await vault.engine.indexAll();
	process.stdout.write(`Sample vault: ${vaultPath}\n${formatSummary(summary)}\n\nNotes:\n`);
	for (const record of vault.engine.records()) process.stdout.write(`  ${join(vaultPath, record.note)}\n`);
	const again = await vault.engine.indexAll();
	process.stdout.write(`\nSecond run: ${again.unchanged} unchanged, ${again.updated} updated (nothing rewritten).\n`);
	process.stdout.write(`Open ${vaultPath} as a vault in Obsidian, or run: node dist/cli.cjs index ${vaultPath}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`demo failed: ${String(error)}\n`);
	process.exitCode = 1;
});
