/**
 * index.html of an exported album: a contact sheet that opens offline in any browser, with no script. The
 * photos browsers can show are drawn from the files beside it; the others (HEIC, RAW, videos) get a tile
 * with their name and a link. Every value is escaped: titles, names and camera text come from users and
 * files, and this page is HTML built as text.
 */

export interface SheetPhoto {
	/** Where the file is, relative to index.html ("photos/001 IMG_1.HEIC"). */
	file: string;
	/** The original's name, as shown. */
	name: string;
	/** MIME type of the file in the archive (a resized copy is image/jpeg). */
	mime: string;
	/** As stored in the index: wall-clock time and offset, never converted. */
	taken: string | null;
	takenFromFile: boolean;
	make: string | null;
	model: string | null;
}

/** Where an archive stands among the parts of a split export. */
export interface SheetPart {
	/** 1-based. */
	number: number;
	/** Every archive of the export, in order: its file name and the numbers its first and last photos start with. */
	archives: readonly { file: string; first: string; last: string }[];
}

export interface SheetAlbum {
	title: string;
	description: string | null;
	photos: readonly SheetPhoto[];
	/** Said under the title when the copies had their location removed. */
	locationRemoved: boolean;
	/** When the album was split into several archives: which one this is, and what the others hold. */
	part?: SheetPart;
}

/** Formats every browser draws in an <img>. HEIC shows only in Safari, TIFF nowhere else: they get a tile. */
const VIEWABLE = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"]);

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A relative path as a URL: each segment percent-encoded, so "#", "?" or "%" in a name stay part of it. */
function href(path: string): string {
	return escapeHtml(path.split("/").map(encodeURIComponent).join("/"));
}

const TAKEN = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** "2024-06-01 18:42:05 +01:00": the stored wall clock and offset, only the T and sub-seconds dropped. */
export function takenText(taken: string | null, fromFile: boolean): string {
	if (taken === null) return "Date unknown";
	const match = TAKEN.exec(taken);
	const text = match ? `${match[1] ?? ""} ${match[2] ?? ""}${match[3] === undefined ? "" : match[3] === "Z" ? " UTC" : ` ${match[3]}`}` : taken;
	return fromFile ? `${text} (file date)` : text;
}

/** "Canon EOS 30D" rather than "Canon Canon EOS 30D". */
export function cameraText(make: string | null, model: string | null): string | null {
	if (model !== null && make !== null && model.toLowerCase().startsWith(make.toLowerCase())) return model;
	const text = [make, model].filter((part): part is string => part !== null && part !== "").join(" ");
	return text === "" ? null : text;
}

/** "2024-06-01 – 2024-06-14" from the photos' own calendar days; null when none has a date. */
export function dateRange(photos: readonly Pick<SheetPhoto, "taken">[]): string | null {
	const days = photos.map((p) => p.taken?.slice(0, 10)).filter((d): d is string => d !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
	const first = days[0], last = days[days.length - 1];
	if (first === undefined || last === undefined) return null;
	return first === last ? first : `${first} – ${last}`;
}

function kindOf(photo: SheetPhoto): string {
	const dot = photo.name.lastIndexOf(".");
	const extension = dot > 0 ? photo.name.slice(dot + 1).toUpperCase() : "";
	return `${extension} ${photo.mime.startsWith("video/") ? "video" : "photo"}`.trim();
}

function figure(photo: SheetPhoto): string {
	const link = href(photo.file);
	const name = escapeHtml(photo.name);
	const picture = VIEWABLE.has(photo.mime)
		? `<a href="${link}"><img src="${link}" alt="${name}" loading="lazy"></a>`
		: `<a class="tile" href="${link}"><span>${escapeHtml(kindOf(photo))}</span><span>Open ${name}</span></a>`;
	const camera = cameraText(photo.make, photo.model);
	const lines = [
		`<div class="name">${name}</div>`,
		`<div class="meta">${escapeHtml(takenText(photo.taken, photo.takenFromFile))}</div>`,
		...(camera === null ? [] : [`<div class="meta">${escapeHtml(camera)}</div>`]),
	];
	return `<figure>\n${picture}\n<figcaption>${lines.join("")}</figcaption>\n</figure>`;
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#222;background:#fafafa}
h1{margin:0 0 .25rem}
.range{color:#555;margin:0 0 1rem}
.description{white-space:pre-wrap;max-width:48rem;margin:0 0 1.5rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:1rem}
figure{margin:0;background:#fff;border:1px solid #ddd;border-radius:6px;overflow:hidden}
figure img{display:block;width:100%;height:220px;object-fit:cover;background:#eee}
.tile{display:flex;flex-direction:column;gap:.5rem;align-items:center;justify-content:center;height:220px;padding:0 1rem;background:#e8e8e8;color:#333;text-align:center;word-break:break-all}
.tile span:first-child{font-weight:600}
figcaption{padding:.5rem .75rem;font-size:.85rem;line-height:1.4}
.name{font-weight:600;word-break:break-all}
.meta{color:#555}
.parts{margin:0 0 1.5rem}
.parts ul{margin:.25rem 0 0;padding-left:1.25rem}
.parts .this{font-weight:600}
footer{margin-top:2rem;color:#777;font-size:.8rem}
@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}figure{background:#2a2a2a;border-color:#444}.tile{background:#333;color:#ddd}.range,.meta{color:#aaa}}`;

/** "Part 2 of 3", then every archive with the photos it holds, this one marked. */
function partsList(part: SheetPart): string[] {
	const items = part.archives.map((archive, i) => {
		const photos = archive.first === archive.last ? `photo ${archive.first}` : `photos ${archive.first}–${archive.last}`;
		const text = escapeHtml(`${archive.file}: ${photos}`);
		return i + 1 === part.number ? `<li class="this">${text} (this part)</li>` : `<li>${text}</li>`;
	});
	return [
		'<section class="parts">',
		`<p>Part ${part.number} of ${part.archives.length}. The album is split into ${part.archives.length} ZIP archives, each complete on its own:</p>`,
		"<ul>",
		...items,
		"</ul>",
		"</section>",
	];
}

export function contactSheet(album: SheetAlbum): string {
	const range = dateRange(album.photos);
	const title = album.part === undefined ? album.title : `${album.title} (part ${album.part.number} of ${album.part.archives.length})`;
	const count = `${album.photos.length} ${album.photos.length === 1 ? "photo" : "photos"}`;
	const parts = [
		"<!DOCTYPE html>",
		'<html lang="en">',
		"<head>",
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(title)}</title>`,
		`<style>\n${STYLE}\n</style>`,
		"</head>",
		"<body>",
		`<h1>${escapeHtml(album.title)}</h1>`,
		`<p class="range">${escapeHtml(range === null ? count : `${range} · ${count}`)}</p>`,
		...(album.part === undefined ? [] : partsList(album.part)),
		...(album.description === null || album.description.trim() === "" ? [] : [`<p class="description">${escapeHtml(album.description.trim())}</p>`]),
		'<main class="grid">',
		...album.photos.map(figure),
		"</main>",
		`<footer>${album.locationRemoved ? "Locations were removed from these copies. " : ""}Made with Photo Archivist.</footer>`,
		"</body>",
		"</html>",
		"",
	];
	return parts.join("\n");
}
