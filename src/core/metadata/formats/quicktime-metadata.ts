/**
 * Text metadata of QuickTime and MP4 files: Apple's `mdta` keys (meta/keys + meta/ilst, as iPhones write),
 * classic udta text atoms (©mak, ©mod, ©xyz), and the binary TAGS atom of Pentax cameras.
 */
import { latin1, startsWith, u16, u32, utf8 } from "../binary";
import type { RangedFile } from "../ranged-file";
import { type Box, boxBody, childBoxes, metaChildren } from "./bmff-boxes";

/** Values by key name: "com.apple.quicktime.make" for mdta keys, "©mak" for classic atoms. */
export type QuickTimeTags = Map<string, string>;

/** A `data` atom's value: type indicator (1 UTF-8, 2 UTF-16), locale, then the value (QuickTime File Format, "Data atom"). */
function dataValue(body: Uint8Array): string | null {
	if (body.length < 8) return null;
	const type = u32(body, 0) & 0xffffff;
	const value = body.subarray(8);
	if (type === 1) return utf8(value);
	if (type === 2) return new TextDecoder("utf-16be").decode(value);
	return null;
}

async function readKeys(file: RangedFile, keys: Box): Promise<string[]> {
	const b = await boxBody(file, keys);
	const names: string[] = [];
	let at = 8;
	for (let i = 0; i < u32(b, 4) && at + 8 <= b.length; i++) {
		const size = u32(b, at);
		if (size < 8) break;
		names.push(utf8(b.subarray(at + 8, at + size)));
		at += size;
	}
	return names;
}

/** An ilst item's value: its first `data` child. Item types are key indexes (1-based) or classic codes. */
async function readIlst(file: RangedFile, ilst: Box, keys: string[], tags: QuickTimeTags): Promise<void> {
	for (const item of await childBoxes(file, ilst)) {
		const data = (await childBoxes(file, item)).find((c) => c.type === "data");
		const value = data ? dataValue(await boxBody(file, data)) : null;
		if (value === null) continue;
		const head = await file.bytes(item.start + 4, item.start + 8);
		const index = u32(head, 0);
		const name = index >= 1 && index <= keys.length ? keys[index - 1] : item.type;
		if (name !== undefined && !tags.has(name)) tags.set(name, value);
	}
}

async function readMeta(file: RangedFile, meta: Box, tags: QuickTimeTags): Promise<void> {
	const children = await metaChildren(file, meta);
	const keysBox = children.find((c) => c.type === "keys");
	const keys = keysBox ? await readKeys(file, keysBox) : [];
	const ilst = children.find((c) => c.type === "ilst");
	if (ilst) await readIlst(file, ilst, keys, tags);
}

/** Classic udta text: 16-bit length, 16-bit language code, then the text (only the first of several is read). */
function classicText(body: Uint8Array): string | null {
	if (body.length < 4) return null;
	return utf8(body.subarray(4, 4 + u16(body, 0)));
}

/**
 * Pentax's TAGS atom, little-endian (ExifTool, Pentax.pm, %Pentax::MOV): Make as a 24-byte string at 0,
 * exposure 10/n at 0x26, FNumber and FocalLength as rationals at 0x2a and 0x48, ISO at 0xaf.
 */
function pentaxTags(b: Uint8Array, tags: QuickTimeTags): void {
	if (!startsWith(b, "PENTAX") || b.length < 0xb1) return;
	const rational = (at: number) => u32(b, at + 4, true) > 0 ? u32(b, at, true) / u32(b, at + 4, true) : 0;
	const exposure = u32(b, 0x26, true);
	tags.set("pentax.make", latin1(b, 0, 24));
	if (exposure > 0) tags.set("pentax.exposureTime", String(10 / exposure));
	tags.set("pentax.fNumber", String(rational(0x2a)));
	tags.set("pentax.focalLength", String(rational(0x48)));
	tags.set("pentax.iso", String(u16(b, 0xaf, true)));
}

async function readUdta(file: RangedFile, udta: Box, tags: QuickTimeTags): Promise<void> {
	for (const atom of await childBoxes(file, udta)) {
		if (atom.type === "meta") await readMeta(file, atom, tags);
		else if (atom.type === "TAGS") pentaxTags(await boxBody(file, atom), tags);
		else if (atom.type.startsWith("\u00a9") && !tags.has(atom.type)) {
			const text = classicText(await boxBody(file, atom));
			if (text !== null) tags.set(atom.type, text);
		}
	}
}

/** Every text tag under moov/meta and moov/udta, the first value of each name winning. */
export async function readQuickTimeTags(file: RangedFile, moovChildren: Box[]): Promise<QuickTimeTags> {
	const tags: QuickTimeTags = new Map();
	for (const box of moovChildren) {
		if (box.type === "meta") await readMeta(file, box, tags);
		else if (box.type === "udta") await readUdta(file, box, tags);
	}
	return tags;
}
