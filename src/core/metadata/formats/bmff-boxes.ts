/** Boxes (QuickTime "atoms") of ISO base media files — HEIF, AVIF, MP4, MOV, CR3 — read header by header. */
import { latin1, u32, u64 } from "../binary";
import type { RangedFile } from "../ranged-file";

export interface Box {
	type: string;
	/** Where the box's header starts. */
	start: number;
	/** Where its content starts (after size, type and any 64-bit size). */
	body: number;
	/** Exclusive, clipped to the enclosing range when the file lies about a size. */
	end: number;
}

const MAX_BOXES = 10_000;

/** The boxes laid end to end in [start, end). Only headers are read, so media data is never fetched. */
export async function listBoxes(file: RangedFile, start: number, end: number): Promise<Box[]> {
	const boxes: Box[] = [];
	let at = start;
	while (at + 8 <= end && boxes.length < MAX_BOXES) {
		const head = await file.bytes(at, at + 16);
		if (head.length < 8) break;
		let size = u32(head, 0);
		let body = at + 8;
		if (size === 1) {
			if (head.length < 16) break;
			size = u64(head, 8);
			body = at + 16;
		} else if (size === 0) {
			size = end - at;
		}
		if (size < body - at) break;
		boxes.push({ type: latin1(head, 4, 4), start: at, body, end: Math.min(end, at + size) });
		at += size;
	}
	return boxes;
}

/** The boxes inside `box`, after `skip` bytes of its own fields (4 for a "full box" with version and flags). */
export function childBoxes(file: RangedFile, box: Box, skip = 0): Promise<Box[]> {
	return listBoxes(file, box.body + skip, box.end);
}

export async function boxBody(file: RangedFile, box: Box): Promise<Uint8Array> {
	return file.bytes(box.body, box.end);
}

/**
 * The children of a `meta` box. ISO files make it a full box (4 bytes of version and flags first);
 * QuickTime's moov/meta is a plain atom. A zero where a child's size would be tells them apart.
 */
export async function metaChildren(file: RangedFile, meta: Box): Promise<Box[]> {
	const first = await file.bytes(meta.body, meta.body + 4);
	return childBoxes(file, meta, first.length === 4 && u32(first, 0) === 0 ? 4 : 0);
}

/** Major and compatible brands of a leading `ftyp` box, or null when the file does not start with one. */
export function ftypBrands(head: Uint8Array): string[] | null {
	if (head.length < 16 || latin1(head, 4, 4) !== "ftyp") return null;
	const size = Math.min(u32(head, 0), head.length);
	const brands = [latin1(head, 8, 4)];
	for (let at = 16; at + 4 <= size; at += 4) brands.push(latin1(head, at, 4));
	return brands;
}
