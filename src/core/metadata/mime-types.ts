/** MIME types by file extension: what a backup target or a note shows for a file before anything reads it. */

const BY_EXTENSION: Readonly<Record<string, string>> = {
	jpg: "image/jpeg", jpeg: "image/jpeg", jpe: "image/jpeg",
	heic: "image/heic", heif: "image/heif", hif: "image/heif", avif: "image/avif",
	png: "image/png", gif: "image/gif", webp: "image/webp",
	tif: "image/tiff", tiff: "image/tiff",
	dng: "image/x-adobe-dng", cr2: "image/x-canon-cr2", cr3: "image/x-canon-cr3", nef: "image/x-nikon-nef",
	arw: "image/x-sony-arw", orf: "image/x-olympus-orf", rw2: "image/x-panasonic-rw2", raf: "image/x-fujifilm-raf",
	mov: "video/quicktime", qt: "video/quicktime", mp4: "video/mp4", m4v: "video/x-m4v", "3gp": "video/3gpp",
};

export const UNKNOWN_MIME = "application/octet-stream";

/** The MIME type of a file name (or path) by its extension, case-insensitive; application/octet-stream when unknown. */
export function mimeOf(fileName: string): string {
	const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
	const dot = base.lastIndexOf(".");
	if (dot <= 0) return UNKNOWN_MIME;
	return BY_EXTENSION[base.slice(dot + 1).toLowerCase()] ?? UNKNOWN_MIME;
}
