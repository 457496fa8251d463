/**
 * The item table of a HEIF/AVIF `meta` box (ISO/IEC 23008-12 on top of 14496-12 §8.11): which item is the
 * primary image, where each item's bytes are, and the pixel size (`ispe`) each item is associated with.
 */
import { latin1, u16, u32 } from "../binary";
import type { RangedFile } from "../ranged-file";
import { type Box, boxBody, listBoxes } from "./bmff-boxes";

export interface ItemLocation {
	/** 0: offsets in the file; 1: offsets in the `idat` box. */
	method: number;
	extents: { offset: number; length: number }[];
}

export interface HeifItems {
	primary: number | null;
	types: Map<number, string>;
	locations: Map<number, ItemLocation>;
	sizes: Map<number, { width: number; height: number }>;
	/** Where `idat` content starts, for items stored inside the meta box. */
	idat: number | null;
}

/** An unsigned big-endian integer of 0, 4 or 8 bytes, as iloc's size fields allow. */
function sized(bytes: Uint8Array, at: number, size: number): number {
	if (size === 0) return 0;
	if (size === 4) return u32(bytes, at);
	if (size === 8) return u32(bytes, at) * 2 ** 32 + u32(bytes, at + 4);
	throw new RangeError(`iloc field size ${size} is not 0, 4 or 8`);
}

function parsePitm(b: Uint8Array): number {
	return b[0] === 0 ? u16(b, 4) : u32(b, 4);
}

async function parseIinf(file: RangedFile, box: Box): Promise<Map<number, string>> {
	const head = await file.bytes(box.body, box.body + 8);
	const entriesAt = box.body + (head[0] === 0 ? 6 : 8);
	const types = new Map<number, string>();
	for (const infe of await listBoxes(file, entriesAt, box.end)) {
		if (infe.type !== "infe") continue;
		const b = await boxBody(file, infe);
		const version = b[0] ?? 0;
		// Versions 0 and 1 carry no item type; version 3 widens the item id to 32 bits.
		if (version < 2) continue;
		const id = version === 2 ? u16(b, 4) : u32(b, 4);
		types.set(id, latin1(b, version === 2 ? 8 : 10, 4));
	}
	return types;
}

function parseIloc(b: Uint8Array): Map<number, ItemLocation> {
	const version = b[0] ?? 0;
	const offsetSize = (b[4] ?? 0) >> 4, lengthSize = (b[4] ?? 0) & 15;
	const baseSize = (b[5] ?? 0) >> 4, indexSize = version === 1 || version === 2 ? (b[5] ?? 0) & 15 : 0;
	let at = 6;
	const count = version < 2 ? u16(b, at) : u32(b, at);
	at += version < 2 ? 2 : 4;
	const locations = new Map<number, ItemLocation>();
	for (let i = 0; i < count; i++) {
		const id = version < 2 ? u16(b, at) : u32(b, at);
		at += version < 2 ? 2 : 4;
		let method = 0;
		if (version === 1 || version === 2) { method = u16(b, at) & 15; at += 2; }
		at += 2; // data_reference_index
		const base = sized(b, at, baseSize);
		at += baseSize;
		const extentCount = u16(b, at);
		at += 2;
		const extents: ItemLocation["extents"] = [];
		for (let e = 0; e < extentCount; e++) {
			at += indexSize;
			const offset = base + sized(b, at, offsetSize);
			const length = sized(b, at + offsetSize, lengthSize);
			at += offsetSize + lengthSize;
			extents.push({ offset, length });
		}
		locations.set(id, { method, extents });
	}
	return locations;
}

async function parseProperties(file: RangedFile, iprp: Box): Promise<HeifItems["sizes"]> {
	const sizes: HeifItems["sizes"] = new Map();
	const children = await listBoxes(file, iprp.body, iprp.end);
	const ipco = children.find((c) => c.type === "ipco");
	const ipma = children.find((c) => c.type === "ipma");
	if (!ipco || !ipma) return sizes;
	const properties = await listBoxes(file, ipco.body, ipco.end);
	const b = await boxBody(file, ipma);
	const version = b[0] ?? 0, wideIndex = ((b[3] ?? 0) & 1) === 1;
	let at = 8;
	const count = u32(b, 4);
	for (let i = 0; i < count; i++) {
		const id = version < 1 ? u16(b, at) : u32(b, at);
		at += version < 1 ? 2 : 4;
		const associations = b[at] ?? 0;
		at += 1;
		for (let a = 0; a < associations; a++) {
			// Property indexes are 1-based; the top bit flags "essential".
			const index = wideIndex ? u16(b, at) & 0x7fff : (b[at] ?? 0) & 0x7f;
			at += wideIndex ? 2 : 1;
			const property = properties[index - 1];
			if (property?.type !== "ispe" || sizes.has(id)) continue;
			const ispe = await boxBody(file, property);
			sizes.set(id, { width: u32(ispe, 4), height: u32(ispe, 8) });
		}
	}
	return sizes;
}

/** The item table of the meta box whose children are `children`. Missing parts come back empty. */
export async function readHeifItems(file: RangedFile, children: Box[]): Promise<HeifItems> {
	const find = (type: string) => children.find((c) => c.type === type);
	const pitm = find("pitm"), iinf = find("iinf"), iloc = find("iloc"), iprp = find("iprp"), idat = find("idat");
	return {
		primary: pitm ? parsePitm(await boxBody(file, pitm)) : null,
		types: iinf ? await parseIinf(file, iinf) : new Map<number, string>(),
		locations: iloc ? parseIloc(await boxBody(file, iloc)) : new Map<number, ItemLocation>(),
		sizes: iprp ? await parseProperties(file, iprp) : new Map<number, { width: number; height: number }>(),
		idat: idat ? idat.body : null,
	};
}
