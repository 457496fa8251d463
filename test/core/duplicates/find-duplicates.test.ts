// Duplicate search through the engine over a real temporary vault (the CLI's adapters): identical copies,
// look-alikes, the thumbnail shortcut, the hash cache, the report note.
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HASH_CACHE_FILE } from "../../../src/core/duplicates/hash-cache";
import { jpeg } from "../../support/photos";
import { countingDecoder, duplicatesVault, jpegOf, letterboxed, resized, scene, withExif, withThumbnail } from "./duplicate-fixtures";

const CAMERA = { make: "Canon", model: "Canon EOS R6", dateTimeOriginal: "2024:06:01 14:03:22", offsetTimeOriginal: "+02:00", fNumber: 2.8, iso: 200, exposureTime: 1 / 250 };

describe("finding duplicates", () => {
	it("groups identical copies in different folders, even where nothing can decode a picture", async () => {
		const vault = await duplicatesVault();
		const photo = jpeg({ seed: 1 });
		await vault.write("Photos/2024/IMG_1.jpg", photo);
		await vault.write("Photos/Backup from phone/IMG_1.jpg", photo);
		await vault.write("Photos/2024/IMG_2.jpg", jpeg({ seed: 2 }));
		const engine = vault.engine(null);
		await engine.indexAll();
		const report = await engine.duplicates.find();
		expect(report.groups).toHaveLength(1);
		expect(report.groups[0]?.kind).toBe("identical");
		expect(report.groups[0]?.members.map((m) => m.path).sort()).toEqual(["Photos/2024/IMG_1.jpg", "Photos/Backup from phone/IMG_1.jpg"]);
		expect(report.photos).toBe(3);
		expect(report.compared).toBe(0);
	});

	it("finds a copy re-encoded at another quality and a resized copy, marks the one with the most metadata, and leaves other pictures out", async () => {
		const vault = await duplicatesVault();
		const beach = scene(480, 360, 21);
		await vault.write("Photos/2024/beach.jpg", withExif(jpegOf(beach, 92), { ...CAMERA, pixelWidth: 480, pixelHeight: 360 }));
		await vault.write("Photos/Edited/beach-q40.jpg", jpegOf(beach, 40));
		await vault.write("Photos/Shared/beach-small.jpg", jpegOf(resized(beach, 160, 120), 80));
		await vault.write("Photos/2024/forest.jpg", jpegOf(scene(480, 360, 22), 92));
		// Blank frames look alike to a hash but are not the same photo: identical copies only.
		await vault.write("Photos/2024/blank-1.jpg", jpeg({ seed: 5 }));
		await vault.write("Photos/2024/blank-2.jpg", jpeg({ seed: 6 }));
		const engine = vault.engine();
		await engine.indexAll();
		const report = await engine.duplicates.find();
		expect(report.groups.map((g) => g.kind)).toEqual(["similar"]);
		const [group] = report.groups;
		expect(group?.members.map((m) => m.path)).toEqual(["Photos/2024/beach.jpg", "Photos/Edited/beach-q40.jpg", "Photos/Shared/beach-small.jpg"]);
		expect(group?.members.map((m) => m.mostMetadata)).toEqual([true, false, false]);
		expect(group?.members[0]).toMatchObject({ taken: "2024-06-01T14:03:22+02:00", width: 480, height: 360, distance: 0 });
		expect(group?.members[0]?.metadataFields).toBeGreaterThan(group?.members[1]?.metadataFields ?? 99);
		for (const member of group?.members ?? []) expect(member.distance).toBeLessThanOrEqual(report.threshold);
		expect(report).toMatchObject({ photos: 6, compared: 4, notCompared: [{ reason: "plain", count: 2 }], threshold: 10 });
		// At threshold 0 only pictures alike to the last bit are linked.
		for (const g of (await engine.duplicates.find({ threshold: 0 })).groups) expect(g.members.map((m) => m.distance)).toEqual(g.members.map(() => 0));
	});

	it("hashes the EXIF thumbnail instead of decoding the photo, cropping the thumbnail's black bars", async () => {
		const vault = await duplicatesVault();
		// A panorama: its 4:3 thumbnail is one third black bars.
		const harbour = scene(640, 320, 31);
		const thumbnail = jpegOf(letterboxed(harbour, 160, 120), 85);
		await vault.write("Photos/harbour.jpg", withThumbnail(jpegOf(harbour, 90), thumbnail));
		await vault.write("Photos/Shared/harbour-small.jpg", jpegOf(resized(harbour, 320, 160), 75));
		const decoder = countingDecoder();
		const engine = vault.engine(decoder);
		await engine.indexAll();
		const report = await engine.duplicates.find();
		// Equal metadata: the one with more pixels comes first.
		expect(report.groups.map((g) => g.members.map((m) => m.path))).toEqual([["Photos/harbour.jpg", "Photos/Shared/harbour-small.jpg"]]);
		// The 640 × 320 photo was never decoded: its 160 × 120 thumbnail was.
		expect(decoder.calls.map((c) => c.width).sort()).toEqual([160, 320]);
	});

	it("hashes only new photos on the next search, and a moved photo keeps its hash", async () => {
		const vault = await duplicatesVault();
		for (const seed of [41, 42, 43]) await vault.write(`Photos/p${seed}.jpg`, jpegOf(scene(240, 180, seed), 85));
		const first = countingDecoder();
		let engine = vault.engine(first);
		await engine.indexAll();
		expect((await engine.duplicates.find()).hashed).toBe(3);
		expect(first.calls).toHaveLength(3);
		expect(await readFile(join(vault.root, ".obsidian/plugins/photo-archivist", HASH_CACHE_FILE), "utf8")).toMatch(/^\{"format":"photo-archivist-perceptual-hashes"/);

		// A new CLI run: the cache file is all it knows.
		const second = countingDecoder();
		engine = vault.engine(second);
		await vault.write("Photos/p44.jpg", jpegOf(scene(240, 180, 44), 85));
		await rename(join(vault.root, "Photos/p41.jpg"), join(vault.root, "Photos/moved-p41.jpg"));
		await engine.indexAll();
		const report = await engine.duplicates.find();
		expect(report.hashed).toBe(1);
		expect(second.calls).toHaveLength(1);
		expect(report.compared).toBe(4);
	});

	it("keeps the hashes done when cancelled, and writes no report then", async () => {
		const vault = await duplicatesVault();
		for (const seed of [51, 52, 53, 54]) await vault.write(`Photos/p${seed}.jpg`, jpegOf(scene(200, 150, seed), 85));
		const engine = vault.engine();
		await engine.indexAll();
		const controller = new AbortController();
		const cancelled = await engine.duplicates.find({
			signal: controller.signal,
			onProgress: (p) => {
				if (p.phase === "hashing" && p.done >= 2) controller.abort();
			},
		});
		expect(cancelled).toMatchObject({ cancelled: true, note: null });
		expect(cancelled.hashed).toBeGreaterThanOrEqual(2);
		const next = await vault.engine().duplicates.find();
		expect(next.hashed).toBe(4 - cancelled.hashed);
		expect(next.note).toBe("Photo Notes/Duplicates.md");
	});

	it("rewrites only its part of the report note, keeping what the user wrote around it", async () => {
		const vault = await duplicatesVault();
		const photo = jpeg({ seed: 9 });
		await vault.write("Photos/a.jpg", photo);
		await vault.write("Photos/b (copy).jpg", photo);
		const engine = vault.engine();
		await engine.indexAll();
		await engine.duplicates.find({ vaultName: "Family photos" });
		const path = join(vault.root, "Photo Notes/Duplicates.md");
		const first = await readFile(path, "utf8");
		expect(first).toContain("## Identical copies");
		expect(first).toContain("[[Photo Notes/Photos/a.jpg.md\\|Photos/a.jpg]]");
		expect(first).toContain("[Keep this one](obsidian://photo-archivist-keep?vault=Family%20photos&photo=Photos%2Fb%20%28copy%29.jpg)");
		const edited = first.replace("# Duplicate photos\n", "# Duplicate photos\n\nTo sort out on Sunday.\n") + "\nDone: the 2019 folder.\n";
		await writeFile(path, edited);

		await vault.write("Photos/c.jpg", photo);
		await engine.indexAll();
		await engine.duplicates.find({ vaultName: "Family photos" });
		const second = await readFile(path, "utf8");
		expect(second).toContain("# Duplicate photos\n\nTo sort out on Sunday.\n");
		expect(second.endsWith("<!-- photo-archivist:end -->\n\nDone: the 2019 folder.\n")).toBe(true);
		expect(second).toContain("(3 identical copies)");
		expect(second.match(/photo-archivist:begin/g)).toHaveLength(1);
	});
});
