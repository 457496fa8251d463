/**
 * Location in QuickTime and MP4 videos (and CR3, which shares their boxes): Apple's location keys
 * (com.apple.quicktime.location.*), classic ©xyz text, 3GPP `loci`, XMP, and Canon's GPS directory (CMT4).
 * Values become spaces or zeros of the same length. A timed track of positions (GoPro GPMF, Google CAMM,
 * DJI) runs through the media data and cannot be removed this way: it is reported as a problem.
 */
import { latin1, u16, u32 } from "../../metadata/binary";
import { type Box, boxBody, childBoxes, metaChildren } from "../../metadata/formats/bmff-boxes";
import type { RangedFile } from "../../metadata/ranged-file";
import type { BytePatch, LocationPlan } from "./byte-patch";
import { tiffLocationPatches } from "./tiff-location";
import { xmpLocationPatches } from "./xmp-location";

const CANON_UUID = "85c0b687820f11e08111f4ce462b6a48";
export const XMP_UUID = "be7acfcb97a942e89c71999491e3afac";
const LOCATION_KEY = "com.apple.quicktime.location.";
const POSITION_TRACKS = new Set(["gpmd", "camm", "djmd"]);
const MAX_TEXT = 1024 * 1024;

export async function uuidOf(file: RangedFile, box: Box): Promise<string> {
	const bytes = await file.bytes(box.body, box.body + 16);
	return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function filled(offset: number, length: number, byte: number): BytePatch {
	return { offset, bytes: new Uint8Array(length).fill(byte) };
}

/** A `data` atom's value blanked: spaces for UTF-8 and UTF-16 text (type 1, 2), zeros for numbers. */
async function blankData(file: RangedFile, data: Box): Promise<BytePatch[]> {
	const head = await file.bytes(data.body, data.body + 4);
	if (head.length < 4 || data.end - data.body <= 8) return [];
	const type = u32(head, 0) & 0xffffff;
	const start = data.body + 8, length = data.end - start;
	if (type === 1) return [filled(start, length, 0x20)];
	if (type === 2) return [{ offset: start, bytes: Uint8Array.from({ length }, (_, i) => (i % 2 === 1 ? 0x20 : 0)) }];
	return [filled(start, length, 0)];
}

async function keyNames(file: RangedFile, keys: Box): Promise<string[]> {
	const b = await boxBody(file, keys);
	const names: string[] = [];
	let at = 8;
	for (let i = 0; i < u32(b, 4) && at + 8 <= b.length; i++) {
		const size = u32(b, at);
		if (size < 8) break;
		names.push(latin1(b, at + 8, size - 8));
		at += size;
	}
	return names;
}

async function metaPlan(file: RangedFile, meta: Box, plan: LocationPlan): Promise<void> {
	const children = await metaChildren(file, meta);
	const keys = children.find((c) => c.type === "keys");
	const names = keys ? await keyNames(file, keys) : [];
	const ilst = children.find((c) => c.type === "ilst");
	if (!ilst) return;
	for (const item of await childBoxes(file, ilst)) {
		const index = u32(await file.bytes(item.start + 4, item.start + 8), 0);
		const name = index >= 1 && index <= names.length ? (names[index - 1] ?? "") : item.type;
		if (!name.startsWith(LOCATION_KEY) && name !== "\u00a9xyz") continue;
		for (const data of (await childBoxes(file, item)).filter((c) => c.type === "data")) plan.patches.push(...(await blankData(file, data)));
	}
}

async function udtaPlan(file: RangedFile, udta: Box, plan: LocationPlan): Promise<void> {
	for (const atom of await childBoxes(file, udta)) {
		if (atom.type === "meta") await metaPlan(file, atom, plan);
		else if (atom.type === "\u00a9xyz") {
			// Classic text: entries of 16-bit length, 16-bit language, then the text.
			const body = await boxBody(file, atom);
			for (let at = 0; at + 4 <= body.length;) {
				const length = Math.min(u16(body, at), body.length - at - 4);
				if (length > 0) plan.patches.push(filled(atom.body + at + 4, length, 0x20));
				at += 4 + length;
			}
		} else if (atom.type === "loci") {
			// Zeros would read as latitude 0, longitude 0: the atom becomes `free`, which every reader skips.
			plan.patches.push({ offset: atom.start + 4, bytes: new Uint8Array([0x66, 0x72, 0x65, 0x65]) }, filled(atom.body, atom.end - atom.body, 0));
		} else if (atom.type === "XMP_" && atom.end - atom.body <= MAX_TEXT) {
			plan.patches.push(...xmpLocationPatches(await boxBody(file, atom), atom.body));
		}
	}
}

/** A timed metadata track that may carry positions sample by sample. */
async function trackProblem(file: RangedFile, trak: Box): Promise<string | null> {
	const mdia = (await childBoxes(file, trak)).find((c) => c.type === "mdia");
	const minf = mdia ? (await childBoxes(file, mdia)).find((c) => c.type === "minf") : undefined;
	const stbl = minf ? (await childBoxes(file, minf)).find((c) => c.type === "stbl") : undefined;
	const stsd = stbl ? (await childBoxes(file, stbl)).find((c) => c.type === "stsd") : undefined;
	if (!stsd || stsd.end - stsd.body > MAX_TEXT) return null;
	const body = await boxBody(file, stsd);
	const format = latin1(body, 12, 4);
	if (POSITION_TRACKS.has(format)) return `it carries a track of positions (${format}) that cannot be removed`;
	if (format === "mebx" && /location|gps/i.test(latin1(body, 0, body.length))) return "it carries timed location metadata that cannot be removed";
	return null;
}

export async function moovLocationPlan(file: RangedFile, moov: Box, plan: LocationPlan): Promise<void> {
	for (const child of await childBoxes(file, moov)) {
		if (child.type === "meta") await metaPlan(file, child, plan);
		else if (child.type === "udta") await udtaPlan(file, child, plan);
		else if (child.type === "trak") {
			const problem = await trackProblem(file, child);
			if (problem !== null) plan.problems.push(problem);
			for (const part of await childBoxes(file, child)) {
				if (part.type === "udta") await udtaPlan(file, part, plan);
				else if (part.type === "meta") await metaPlan(file, part, plan);
			}
		} else if (child.type === "uuid" && (await uuidOf(file, child)) === CANON_UUID) {
			const gps = (await childBoxes(file, child, 16)).find((p) => p.type === "CMT4");
			if (gps) plan.patches.push(...(await tiffLocationPatches(file, gps.body, { ifd0IsGps: true })));
		}
	}
}
