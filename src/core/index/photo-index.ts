/** The index in memory: records by photo path, plus which note belongs to which photo. */
import type { PhotoRecord } from "../model/photo-record";

/** Shared by every index, so a version is never repeated, even by an index that replaced another. */
let versions = 0;

export class PhotoIndex {
	private readonly byPath = new Map<string, PhotoRecord>();
	private readonly byNote = new Map<string, string>();
	/** Changes with every put and delete: what is derived from the records (the status) is kept until it moves. */
	version = ++versions;

	constructor(records: Iterable<PhotoRecord> = []) {
		for (const r of records) this.put(r);
	}

	get size(): number {
		return this.byPath.size;
	}

	get(path: string): PhotoRecord | undefined {
		return this.byPath.get(path);
	}

	values(): IterableIterator<PhotoRecord> {
		return this.byPath.values();
	}

	/** The photo whose note is at `notePath`, if any. */
	ownerOfNote(notePath: string): string | undefined {
		return this.byNote.get(notePath);
	}

	put(record: PhotoRecord): void {
		this.version = ++versions;
		const previous = this.byPath.get(record.path);
		if (previous && this.byNote.get(previous.note) === previous.path) this.byNote.delete(previous.note);
		this.byPath.set(record.path, record);
		this.byNote.set(record.note, record.path);
	}

	delete(path: string): void {
		const previous = this.byPath.get(path);
		if (!previous) return;
		this.version = ++versions;
		this.byPath.delete(path);
		if (this.byNote.get(previous.note) === path) this.byNote.delete(previous.note);
	}
}
