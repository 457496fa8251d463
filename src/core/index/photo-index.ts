/**
 * The index in memory: records by photo path, plus which note belongs to which photo.
 *
 * Records read from the index file stay in the file's order (sorted by path) in an array and are found by
 * binary search; what changes after the load (new, changed, moved or deleted photos) goes into a map in front
 * of it. A map of 100,000 paths built at start would cost a third of the index's load time, for lookups that a
 * search of 17 steps answers nearly as fast.
 */
import type { PhotoRecord } from "../model/photo-record";
import { indexOfPath } from "./sorted-by-path";

/** Shared by every index, so a version is never repeated, even by an index that replaced another. */
let versions = 0;

/** Stands in the map of changes for a loaded record that was deleted. */
const DELETED = Symbol("deleted");

export class PhotoIndex {
	/** From the index file, sorted by path, unique. */
	private loaded: PhotoRecord[] = [];
	private readonly changes = new Map<string, PhotoRecord | typeof DELETED>();
	private count = 0;
	/**
	 * Note path to photo path, built the first time it is asked: only indexing a new photo and following a note
	 * that was moved or deleted ask, and 100,000 more map entries would slow every load.
	 */
	private owners: Map<string, string> | null = null;
	/** Changes with every put and delete: what is derived from the records (the status) is kept until it moves. */
	version = ++versions;

	constructor(records: Iterable<PhotoRecord> = []) {
		for (const r of records) this.put(r);
	}

	get size(): number {
		return this.count;
	}

	get(path: string): PhotoRecord | undefined {
		if (this.changes.size > 0) {
			const changed = this.changes.get(path);
			if (changed !== undefined) return changed === DELETED ? undefined : changed;
		}
		return this.findLoaded(path);
	}

	/** Every record: the loaded ones in path order (as changed since), then those added since the load. */
	*values(): IterableIterator<PhotoRecord> {
		const changes = this.changes;
		for (const record of this.loaded) {
			const changed = changes.size > 0 ? changes.get(record.path) : undefined;
			if (changed === undefined) yield record;
			else if (changed !== DELETED) yield changed;
		}
		for (const [path, changed] of changes) {
			if (changed !== DELETED && this.findLoaded(path) === undefined) yield changed;
		}
	}

	/** The photo whose note is at `notePath`, if any. */
	ownerOfNote(notePath: string): string | undefined {
		return this.noteOwners().get(notePath);
	}

	put(record: PhotoRecord): void {
		this.version = ++versions;
		const previous = this.get(record.path);
		if (previous === undefined) this.count++;
		this.changes.set(record.path, record);
		if (this.owners === null) return;
		if (previous && this.owners.get(previous.note) === previous.path) this.owners.delete(previous.note);
		this.owners.set(record.note, record.path);
	}

	/**
	 * Takes the records read from the index file, sorted by path, each path once (readIndexFile checks), as this
	 * index's loaded records: the array itself, which the load's metadata columns share (stored-records.ts).
	 */
	adoptLoaded(records: PhotoRecord[]): void {
		if (this.count > 0) throw new Error("records are adopted by an empty index only");
		this.loaded = records;
		this.count = records.length;
		this.owners = null;
	}

	delete(path: string): void {
		const previous = this.get(path);
		if (!previous) return;
		this.version = ++versions;
		this.count--;
		if (this.findLoaded(path) !== undefined) this.changes.set(path, DELETED);
		else this.changes.delete(path);
		if (this.owners !== null && this.owners.get(previous.note) === path) this.owners.delete(previous.note);
	}

	private findLoaded(path: string): PhotoRecord | undefined {
		return this.loaded[indexOfPath(this.loaded, path)];
	}

	private noteOwners(): Map<string, string> {
		if (this.owners === null) {
			const owners = new Map<string, string>();
			for (const record of this.values()) owners.set(record.note, record.path);
			this.owners = owners;
		}
		return this.owners;
	}
}
