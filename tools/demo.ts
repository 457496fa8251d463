/**
 * `npm run demo`: makes a sample vault of generated photos, indexes it with the same engine as the CLI and
 * the plugin, backs it up to a folder beside it (as to an external drive), and prints where the notes are
 * and what one of them now says about its backups. Open the folder as a vault in Obsidian to see them there.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { setRawTargets } from "../src/cli/backup-config";
import { formatBackupSummary } from "../src/cli/commands/backup-report";
import { formatSummary } from "../src/cli/commands/index-command";
import { updatePluginData } from "../src/cli/plugin-data-file";
import { targetFromOptions } from "../src/cli/target-config-args";
import { openVault } from "../src/cli/vault";
import { SECTION_END } from "../src/core/notes/generated-section";
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
	await backUp(vaultPath);
	process.stdout.write(`\nOpen ${vaultPath} as a vault in Obsidian, or run: node dist/cli.cjs backup ${vaultPath}\n`);
}

/** Adds a folder target beside the vault (`photo-archivist target add` does the same), and backs up twice. */
async function backUp(vaultPath: string): Promise<void> {
	const drive = `${vaultPath}-backup`;
	await rm(drive, { recursive: true, force: true });
	await mkdir(drive);
	const { target } = await targetFromOptions({ id: "demo-drive", name: "Demo drive", type: "folder", path: drive, medium: "external-drive" }, vaultPath);
	await updatePluginData(join(vaultPath, ".obsidian", "plugins", "photo-archivist"), (data) => setRawTargets(data, [target]));
	process.stdout.write(`\nBacking up to the folder target "${target.name}" at ${drive}:\n`);
	const vault = await openVault(vaultPath);
	process.stdout.write(`${formatBackupSummary(await vault.engine.backup.backup())}\n`);
	const [record] = [...vault.engine.records()];
	if (record !== undefined) {
		process.stdout.write(`\nThe note ${record.note} now says:\n${indent(backupParts(await readFile(join(vaultPath, record.note), "utf8")))}\n`);
	}
	process.stdout.write(`\nBacking up again (nothing changed, nothing is sent):\n${formatBackupSummary(await vault.engine.backup.backup())}\n`);
}

/** The note's backup properties and the "Backups" part of its generated section. */
function backupParts(note: string): string {
	const lines = note.split("\n");
	const end = lines.indexOf("---", 1);
	const properties: string[] = [];
	let inBackup = false;
	for (const line of lines.slice(1, Math.max(1, end))) {
		// A top-level key starts a property; indented "- " lines belong to the list of the one before.
		if (!/^(\s|- )/.test(line)) inBackup = line.startsWith("backup");
		if (inBackup) properties.push(line);
	}
	const start = lines.indexOf("### Backups");
	const stop = lines.indexOf(SECTION_END);
	return [...properties, "", ...(start >= 0 && stop > start ? lines.slice(start, stop) : [])].join("\n").trim();
}

function indent(text: string): string {
	return text.split("\n").map((line) => (line === "" ? line : `    ${line}`)).join("\n");
}

main().catch((error: unknown) => {
	process.stderr.write(`demo failed: ${String(error)}\n`);
	process.exitCode = 1;
});
