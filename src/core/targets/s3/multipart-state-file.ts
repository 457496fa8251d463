/**
 * The unfinished multipart uploads of one S3 target, kept as a small JSON file in the data folder
 * (s3-uploads-<target id>.json), so an interrupted upload resumes from this device on the next run.
 */
import type { DataStore } from "../../ports/data-store";
import { SerialQueue } from "../../util/serial-queue";
import type { MultipartState, MultipartStateStore } from "./s3-options";

const FORMAT = "photo-archivist-s3-uploads";
const VERSION = 1;

/** A plain name beside the manifests: the DataStore port promises plain names, not sub-folders. */
export function multipartStateFileName(targetId: string): string {
	return `s3-uploads-${targetId}.json`;
}

/**
 * Read once, then kept in memory and written whole after each change. Changes are queued: parts of
 * several files finish at once, and the data store's temporary file must never be written twice at once.
 * A missing or damaged file starts empty: the S3 target still finds its unfinished uploads on the server.
 */
export function multipartStateFile(data: DataStore, targetId: string): MultipartStateStore {
	const name = multipartStateFileName(targetId);
	const queue = new SerialQueue();
	let loaded: Promise<Map<string, MultipartState>> | null = null;
	const uploads = (): Promise<Map<string, MultipartState>> => (loaded ??= load(data, name));
	const change = (apply: (map: Map<string, MultipartState>) => boolean): Promise<void> =>
		queue.run(async () => {
			const map = await uploads();
			if (!apply(map)) return;
			if (map.size === 0) await data.remove(name);
			else await data.write(name, JSON.stringify({ format: FORMAT, version: VERSION, uploads: [...map.values()] }));
		});
	return {
		async get(key) {
			const state = (await uploads()).get(key);
			return state === undefined ? null : copy(state);
		},
		set: (state) =>
			change((map) => {
				map.set(state.key, copy(state));
				return true;
			}),
		delete: (key) => change((map) => map.delete(key)),
		async all() {
			return [...(await uploads()).values()].map(copy);
		},
	};
}

async function load(data: DataStore, name: string): Promise<Map<string, MultipartState>> {
	const map = new Map<string, MultipartState>();
	const text = await data.read(name);
	if (text === null) return map;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return map;
	}
	if (!isRecord(parsed) || parsed.format !== FORMAT || parsed.version !== VERSION || !Array.isArray(parsed.uploads)) return map;
	for (const item of parsed.uploads) {
		const state = stateOf(item);
		if (state !== null) map.set(state.key, state);
	}
	return map;
}

/**
 * One remembered upload from the file, or null when any field is not what a resume relies on. Fields the
 * S3 target adds (a part's SHA-256, proving its bytes on resume) are kept as they were saved.
 */
function stateOf(raw: unknown): MultipartState | null {
	if (!isRecord(raw)) return null;
	const { key, uploadId, size, partBytes, parts, startedAt } = raw;
	if (typeof key !== "string" || typeof uploadId !== "string" || typeof startedAt !== "string") return null;
	if (!isCount(size) || !isCount(partBytes) || partBytes === 0 || !Array.isArray(parts)) return null;
	const kept: MultipartState["parts"] = [];
	for (const part of parts) {
		if (!isRecord(part) || !isCount(part.number) || part.number < 1 || typeof part.etag !== "string") return null;
		kept.push({ ...part, number: part.number, etag: part.etag });
	}
	return { ...raw, key, uploadId, size, partBytes, parts: kept, startedAt };
}

function copy(state: MultipartState): MultipartState {
	return { ...state, parts: state.parts.map((part) => ({ ...part })) };
}

function isCount(value: unknown): value is number {
	return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
