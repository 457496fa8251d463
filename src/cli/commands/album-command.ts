/**
 * `photo-archivist album <subcommand> <vault> …`: albums from the command line, through the same engine as
 * the plugin. One entry per subcommand in SUBCOMMANDS; each indexes first (cheap when nothing changed, and
 * the album then reflects the vault as it is), unless --no-index.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import type { AlbumQuery } from "../../core/albums/album-query";
import type { MembershipChange } from "../../core/albums/album-types";
import { openVault, type OpenVault } from "../vault";
import { albumExportCommand } from "./album-export-command";
import { UsageError } from "../usage-error";

type Subcommand = (args: string[]) => Promise<number>;

const COMMON = {
	json: { type: "boolean", default: false },
	"config-dir": { type: "string" },
	"no-index": { type: "boolean", default: false },
} as const;

const SEARCH = {
	"from-folder": { type: "string" },
	from: { type: "string" },
	to: { type: "string" },
	tag: { type: "string", multiple: true },
	camera: { type: "string" },
	location: { type: "boolean" },
	"no-location": { type: "boolean" },
	smart: { type: "boolean", default: false },
} as const;

async function open(vaultPath: string, configDir: string | undefined, index: boolean): Promise<OpenVault> {
	const vault = await openVault(vaultPath, configDir);
	if (index) await vault.engine.indexAll();
	return vault;
}

function photos(n: number): string {
	return `${n} ${n === 1 ? "photo" : "photos"}`;
}

/** The outcome in words (stdout) or as JSON; exit status 1 when a photo was unknown or could not be changed. */
function report(change: MembershipChange, headline: string, json: boolean): number {
	if (json) {
		process.stdout.write(JSON.stringify(change, null, 2) + "\n");
	} else {
		process.stdout.write(`${headline} “${change.album.title}” (${change.album.path}), which holds ${photos(change.count)}.\n`);
		for (const path of change.unknown) process.stderr.write(`not a photo the index knows: ${path}\n`);
		for (const f of change.failed) process.stderr.write(`not changed: ${f.path}: ${f.reason}\n`);
	}
	return change.unknown.length > 0 || change.failed.length > 0 ? 1 : 0;
}

function searchOf(values: { from?: string; to?: string; tag?: string[]; camera?: string; location?: boolean; "no-location"?: boolean }): AlbumQuery | undefined {
	if (values.location && values["no-location"]) throw new UsageError("--location and --no-location exclude each other");
	const query: AlbumQuery = {};
	for (const key of ["from", "to"] as const) {
		const value = values[key];
		if (value === undefined) continue;
		if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new UsageError(`--${key} takes a date: 2024-06-01, 2024-06 or 2024 (not "${value}")`);
		query[key] = value;
	}
	if (values.tag?.length) query.tags = values.tag.map((t) => t.replace(/^#/, ""));
	if (values.camera !== undefined) query.camera = values.camera;
	if (values.location) query.location = true;
	if (values["no-location"]) query.location = false;
	return Object.keys(query).length > 0 ? query : undefined;
}

/** `album create <vault> <name> [--from-folder PATH] [--from D] [--to D] [--tag T]... [--camera W] [--location|--no-location] [--smart]` */
async function albumCreate(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON, ...SEARCH } });
	if (positionals.length !== 2) throw new UsageError("album create takes a vault folder and an album name");
	const [vaultPath, name] = positionals as [string, string];
	const query = searchOf(values);
	if (values.smart && query === undefined) throw new UsageError("--smart needs a search: --from, --to, --tag, --camera or --location");
	if (values.smart && values["from-folder"] !== undefined) throw new UsageError("a smart album follows a search, not a folder");
	const vault = await open(vaultPath, values["config-dir"], !values["no-index"]);
	const change = await vault.engine.albums.create(name, {
		...(values["from-folder"] !== undefined ? { folder: values["from-folder"] } : {}),
		...(query !== undefined ? { query, smart: values.smart } : {}),
	});
	return report(change, change.album.smart ? "Created the smart album" : "Created the album", values.json);
}

/** A photo named on the command line as a vault path, or as a file path inside the vault (absolute or from here). */
function vaultPathOf(vault: OpenVault, photo: string): string {
	const onDisk = isAbsolute(photo) ? photo : resolve(photo);
	const inside = relative(vault.root, onDisk);
	if (isAbsolute(photo) || (!inside.startsWith("..") && vault.engine.record(inside.split(sep).join("/")))) return inside.split(sep).join("/");
	return photo.replace(/\\/g, "/").replace(/^\/+/, "");
}

/** `album add <vault> <name> <photo>...`: creates the album when none has that name. */
async function albumAdd(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({ args, allowPositionals: true, options: COMMON });
	if (positionals.length < 3) throw new UsageError("album add takes a vault folder, an album name and one or more photos");
	const [vaultPath, name, ...photoArgs] = positionals as [string, string, ...string[]];
	const vault = await open(vaultPath, values["config-dir"], !values["no-index"]);
	const paths = photoArgs.map((photo) => vaultPathOf(vault, photo));
	const album = await vault.engine.albums.find(name);
	if (album === null) return report(await vault.engine.albums.create(name, { photos: paths }), "Created the album", values.json);
	const change = await vault.engine.albums.add(album.path, paths);
	const headline = change.changed > 0 ? `Added ${photos(change.changed)} to` : "Nothing to add to";
	return report(change, headline, values.json);
}

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
	create: albumCreate,
	add: albumAdd,
	export: albumExportCommand,
};

export async function albumCommand(args: string[]): Promise<number> {
	const [name, ...rest] = args;
	if (name === undefined) throw new UsageError(`album needs a subcommand: ${Object.keys(SUBCOMMANDS).join(", ")}`);
	const subcommand = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
	if (subcommand === undefined) throw new UsageError(`unknown album subcommand: ${name}`);
	return subcommand(rest);
}
