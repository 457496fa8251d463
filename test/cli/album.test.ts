// `photo-archivist album create|add`, run as a child process as a user would.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frontMatterOf } from "../support/note-text";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { readFile } from "node:fs/promises";
import { cli, DATA_JSON, put } from "./cli-process";

async function vaultWithPhotos(): Promise<string> {
	const vault = await tempDir("pa-album-cli-");
	await put(vault, "Photos/Trip/a.jpg", jpeg({ seed: 1, dateTimeOriginal: "2024:06:03 10:00:00" }));
	await put(vault, "Photos/Trip/b.jpg", jpeg({ seed: 2, dateTimeOriginal: "2024:06:01 09:00:00" }));
	await put(vault, "Photos/Home/c.jpg", jpeg({ seed: 3, dateTimeOriginal: "2023:12:24 19:30:11", make: "Canon", model: "Canon EOS R5" }));
	return vault;
}

const props = async (vault: string, path: string): Promise<Record<string, unknown>> => frontMatterOf(await readFile(join(vault, path), "utf8"));

describe("photo-archivist album", () => {
	it("create --from-folder indexes, writes the album note and links each photo's note to it", async () => {
		const vault = await vaultWithPhotos();
		const run = await cli(["album", "create", vault, "Trip to Rome", "--from-folder", "Photos/Trip"]);
		expect(run).toMatchObject({ code: 0, stderr: "" });
		expect(run.stdout).toBe("Created the album “Trip to Rome” (Albums/Trip to Rome.md), which holds 2 photos.\n");
		expect(await props(vault, "Albums/Trip to Rome.md")).toMatchObject({ title: "Trip to Rome", count: 2, date_from: "2024-06-01", date_to: "2024-06-03" });
		expect((await props(vault, "Photo Notes/Photos/Trip/a.jpg.md")).albums).toEqual(["[[Albums/Trip to Rome]]"]);
		const again = await cli(["album", "create", vault, "trip to rome"]);
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(/An album named “trip to rome” already exists: Albums\/Trip to Rome\.md/);
	});

	it("add puts photos named by vault path or file path into an album, creating it when new, and says which photos it does not know", async () => {
		const vault = await vaultWithPhotos();
		const created = await cli(["album", "add", vault, "Best", "Photos/Home/c.jpg"]);
		expect(created).toMatchObject({ code: 0, stdout: "Created the album “Best” (Albums/Best.md), which holds 1 photo.\n" });
		const added = await cli(["album", "add", vault, "best", join(vault, "Photos/Trip/a.jpg"), "Photos/missing.jpg", "--json"]);
		expect(added.code).toBe(1);
		expect(JSON.parse(added.stdout)).toMatchObject({ album: { path: "Albums/Best.md", title: "Best" }, changed: 1, count: 2, unknown: ["Photos/missing.jpg"] });
		expect((await props(vault, "Photo Notes/Photos/Trip/a.jpg.md")).albums).toEqual(["[[Albums/Best]]"]);
		const none = await cli(["album", "add", vault, "Best", "Photos/Trip/a.jpg", "--no-index"]);
		expect(none).toMatchObject({ code: 0, stdout: "Nothing to add to “Best” (Albums/Best.md), which holds 2 photos.\n" });
	});

	it("create with a search, smart, follows photos added later; the albums folder comes from the plugin's settings", async () => {
		const vault = await vaultWithPhotos();
		await put(vault, DATA_JSON, JSON.stringify({ organize: { albumsFolder: "Family/Albums" } }));
		const run = await cli(["album", "create", vault, "Summer", "--from", "2024-06", "--to", "2024-08", "--smart"]);
		expect(run).toMatchObject({ code: 0, stdout: "Created the smart album “Summer” (Family/Albums/Summer.md), which holds 2 photos.\n" });
		await put(vault, "Photos/Later/d.jpg", jpeg({ seed: 4, dateTimeOriginal: "2024:07:14 12:00:00" }));
		expect((await cli(["index", vault])).code).toBe(0);
		expect(await props(vault, "Family/Albums/Summer.md")).toMatchObject({ smart_from: "2024-06", smart_to: "2024-08", count: 3, date_to: "2024-07-14" });
		const canon = await cli(["album", "create", vault, "Canon", "--camera", "eos r5", "--json"]);
		expect(JSON.parse(canon.stdout)).toMatchObject({ count: 1, album: { smart: false } });
	});

	it("refuses a wrong invocation with the usage and exit status 2", async () => {
		const vault = await vaultWithPhotos();
		for (const args of [["album"], ["album", "rename", vault, "x"], ["album", "create", vault], ["album", "add", vault, "Best"], ["album", "create", vault, "X", "--smart"], ["album", "create", vault, "X", "--from", "June"]]) {
			const run = await cli(args);
			expect(run.code, args.join(" ")).toBe(2);
			expect(run.stderr).toContain("Usage:");
		}
	});
});
