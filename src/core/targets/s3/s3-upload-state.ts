/** Remembering unfinished multipart uploads: saves in order, and a store in memory when the host gives none. */
import type { MultipartState, MultipartStateStore } from "./s3-options";

/** A finished part as remembered: with the SHA-256 of its bytes, so a resume can prove they are still the file's. */
export type RememberedPart = MultipartState["parts"][number] & { sha256?: string };

export interface UploadState extends MultipartState {
	parts: RememberedPart[];
}

/** Without a store from the host, an upload still resumes within this target's life (a retried put). */
export function memoryUploadStore(): MultipartStateStore {
	const states = new Map<string, MultipartState>();
	const copy = (state: MultipartState): MultipartState => ({ ...state, parts: state.parts.map((part) => ({ ...part })) });
	return {
		get: (key) => Promise.resolve(states.has(key) ? copy(states.get(key) as MultipartState) : null),
		set: (state) => {
			states.set(state.key, copy(state));
			return Promise.resolve();
		},
		delete: (key) => {
			states.delete(key);
			return Promise.resolve();
		},
		all: () => Promise.resolve([...states.values()].map(copy)),
	};
}

/**
 * Saves one upload's state after each part, one save at a time and in order, each a snapshot. A save that
 * fails costs only the ability to resume (the parts are on the server either way), so it does not fail the upload.
 */
export class StateSaver {
	private last: Promise<void> = Promise.resolve();

	constructor(private readonly store: MultipartStateStore) {}

	save(state: UploadState): Promise<void> {
		const snapshot: UploadState = { ...state, parts: state.parts.map((part) => ({ ...part })) };
		this.last = this.last.then(() => this.store.set(snapshot)).catch((error: unknown) => console.warn("Could not remember an unfinished upload:", error));
		return this.last;
	}
}

/** ETags compared without their quotes (servers differ in whether ListParts quotes them). */
export function sameEtag(a: string | undefined, b: string | undefined): boolean {
	const bare = (tag: string | undefined): string => (tag ?? "").replace(/^W\//, "").replace(/"/g, "");
	return bare(a) !== "" && bare(a) === bare(b);
}
