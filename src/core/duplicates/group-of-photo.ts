/**
 * The duplicates of one photo now, for "Keep this one" and the command on a photo's note: its identical
 * copies from the index, and its look-alikes from the cached hashes — linked the way a full search links
 * them (each link within the threshold), by scans from the photo outwards. No other photo is decoded.
 */
import type { PhotoRecord } from "../model/photo-record";
import { hammingDistance, parseHashHex } from "./dhash";
import { buildGroup } from "./duplicate-members";
import type { DuplicateGroup } from "./duplicate-types";
import { decodeOutcome, encodeOutcome } from "./hash-cache";
import type { SearchDeps } from "./search-duplicates";

export async function groupOfPhoto(deps: SearchDeps, photoPath: string, threshold: number): Promise<DuplicateGroup | null> {
	const bySha = new Map<string, PhotoRecord[]>();
	let photo: PhotoRecord | undefined;
	for (const record of await deps.records()) {
		if (record.missingSince !== undefined) continue;
		if (record.path === photoPath) photo = record;
		const copies = bySha.get(record.sha256);
		if (copies) copies.push(record);
		else bySha.set(record.sha256, [record]);
	}
	if (photo === undefined) return null;
	const copies = bySha.get(photo.sha256) ?? [photo];
	const alone = copies.length > 1 ? buildGroup("identical", copies, () => 0) : null;

	await deps.cache.load();
	const cached = deps.cache.get(photo.sha256);
	let own = cached === undefined ? null : decodeOutcome(cached, deps.decoderId);
	if (own === null && deps.hasher !== null) {
		own = await deps.hasher.hash(photo);
		deps.cache.set(photo.sha256, encodeOutcome(own, deps.decoderId));
		await deps.cache.save(() => true);
	}
	if (own?.kind !== "hash") return alone;

	const shas: string[] = [];
	const words: number[] = [];
	for (const sha of bySha.keys()) {
		const value = sha === photo.sha256 ? `h:${own.hex}` : deps.cache.get(sha);
		const parsed = value?.startsWith("h:") ? parseHashHex(value.slice(2)) : null;
		if (parsed === null) continue;
		shas.push(sha);
		words.push(parsed[0], parsed[1]);
	}
	const distance = (i: number, j: number): number =>
		hammingDistance(words[2 * i] ?? 0, words[2 * i + 1] ?? 0, words[2 * j] ?? 0, words[2 * j + 1] ?? 0);
	const start = shas.indexOf(photo.sha256);
	const inGroup = new Set<number>([start]);
	const frontier = [start];
	for (let x = frontier.pop(); x !== undefined; x = frontier.pop()) {
		for (let j = 0; j < shas.length; j++) {
			if (inGroup.has(j) || distance(x, j) > threshold) continue;
			inGroup.add(j);
			frontier.push(j);
		}
	}
	if (inGroup.size === 1) return alone;
	const index = new Map<string, number>([...inGroup].map((i) => [shas[i] ?? "", i]));
	const records = [...inGroup].flatMap((i) => bySha.get(shas[i] ?? "") ?? []);
	return buildGroup("similar", records, (a, b) => {
		const i = index.get(a.sha256);
		const j = index.get(b.sha256);
		return i === undefined || j === undefined ? null : distance(i, j);
	});
}
