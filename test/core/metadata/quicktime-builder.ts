// QuickTime/MP4 files with a chosen moov: mvhd, tracks, Apple mdta keys and classic udta atoms.
import { box, bytes, ftyp, fullBox, u16, u32, u64 } from "./bmff-builder";

const QUICKTIME_EPOCH_MS = Date.UTC(1904, 0, 1);

export function quickTimeSeconds(isoInstant: string): number {
	return (Date.parse(isoInstant) - QUICKTIME_EPOCH_MS) / 1000;
}

export function mvhd(created: number, timescale: number, duration: number, version: 0 | 1 = 0): Uint8Array {
	const times = version === 1 ? bytes(u64(created), u64(created), u32(timescale), u64(duration)) : bytes(u32(created), u32(created), u32(timescale), u32(duration));
	return fullBox("mvhd", version, 0, times, new Uint8Array(80));
}

/** A track with a tkhd of the given size and a handler ("vide", "soun"). */
export function trak(handler: string, width: number, height: number): Uint8Array {
	const tkhd = fullBox("tkhd", 0, 3, new Uint8Array(72), u32(width * 65536), u32(height * 65536));
	const hdlr = fullBox("hdlr", 0, 0, "mhlr", handler, new Uint8Array(12), [0]);
	return box("trak", tkhd, box("mdia", hdlr));
}

/** Apple's metadata: a meta box with mdta keys and an ilst of UTF-8 data atoms. */
export function mdtaMeta(entries: Record<string, string>, fullBoxStyle = true): Uint8Array {
	const names = Object.keys(entries);
	const keys = fullBox("keys", 0, 0, u32(names.length), ...names.map((n) => bytes(u32(8 + new TextEncoder().encode(n).length), "mdta", n)));
	const items = names.map((name, i) => itemBox(i + 1, entries[name] ?? ""));
	const hdlr = fullBox("hdlr", 0, 0, u32(0), "mdta", new Uint8Array(13));
	const content = [hdlr, keys, box("ilst", ...items)];
	return fullBoxStyle ? fullBox("meta", 0, 0, ...content) : box("meta", ...content);
}

function itemBox(index: number, value: string): Uint8Array {
	const data = box("data", u32(1), u32(0), value);
	return bytes(u32(8 + data.length), u32(index), data);
}

/** A classic udta text atom: 16-bit length, 16-bit language, text. */
export function udtaText(type: string, text: string): Uint8Array {
	const encoded = new TextEncoder().encode(text);
	return bytes(u32(12 + encoded.length), [0xa9], type, u16(encoded.length), u16(0x15c7), encoded);
}

export interface MovieLayout {
	brand?: string | null;
	moov: Uint8Array[];
	/** Media data size; the moov goes after it, as phones write files. */
	mediaBytes?: number;
	moovFirst?: boolean;
}

export function makeMovie({ brand = "qt  ", moov, mediaBytes = 1024, moovFirst = false }: MovieLayout): Uint8Array {
	const head = brand === null ? new Uint8Array(0) : ftyp(brand, brand);
	const mdat = box("mdat", new Uint8Array(mediaBytes).fill(0x55));
	const movie = box("moov", ...moov);
	return moovFirst ? bytes(head, movie, mdat) : bytes(head, box("wide"), mdat, movie);
}
