/**
 * Resumable uploads over WebDAV with ranged PUT (PUT + Content-Range). Not every server has it: Apache's
 * mod_dav writes the range into the file; others (rclone serve webdav 1.60, Go's x/net/webdav) answer
 * 201 and replace the whole file with the range. So support is found out per server, by trying it on a
 * probe file, never assumed from the product. Apache drops a plain PUT cut off halfway but keeps what a
 * ranged PUT wrote, so a resumable upload sends a small first part plainly and the rest as one range.
 */
import { TargetError } from "../model/target-error";
import type { RemoteFile, UploadBody, UploadOptions } from "../ports/target";
import { joinRemote } from "./remote-path";
import { readBodyRange } from "./watched-body";

export interface RangedOps {
	/** PUT `body` from `offset`; with `ranged`, as Content-Range: bytes offset-(size-1)/size. */
	putBody(path: string, body: UploadBody, offset: number, ranged: boolean, options: UploadOptions): Promise<void>;
	statFile(path: string, signal?: AbortSignal): Promise<RemoteFile | null>;
	read(path: string, range: { start: number; end: number }, signal?: AbortSignal): Promise<Uint8Array>;
	remove(path: string, signal?: AbortSignal): Promise<void>;
}

const FIRST_PART_BYTES = 1024 * 1024;
/** How much of a leftover is compared with the file before it is trusted, at its start and at its end. */
const CHECK_BYTES = 64 * 1024;
const PROBE_NAME = ".photo-archivist-range-probe";

export class RangedUploads {
	private support: boolean | undefined;
	/** The probe under way: parallel uploads wait for the one probe rather than trip over each other's. */
	private probing: Promise<boolean> | undefined;

	constructor(private readonly ops: RangedOps) {}

	/** True once a probe found the server writes ranged PUTs into the file; false until then. */
	get confirmed(): boolean {
		return this.support === true;
	}

	/** Whether the server writes a ranged PUT into the file, tried once in `folder` (which must exist). */
	async supported(folder: string, signal?: AbortSignal): Promise<boolean> {
		if (this.support !== undefined) return this.support;
		this.probing ??= this.probe(joinRemote(folder, PROBE_NAME), signal).finally(() => (this.probing = undefined));
		this.support = await this.probing;
		return this.support;
	}

	/** Uploads `body` to `temp`, continuing from what an earlier, interrupted attempt left there. */
	async upload(temp: string, body: UploadBody, options: UploadOptions): Promise<void> {
		let offset = await this.reusableBytes(temp, body, options.signal);
		if (offset > 0) options.onBytes?.(offset);
		if (offset === 0) {
			const first = Math.min(FIRST_PART_BYTES, body.size);
			await this.ops.putBody(temp, limitBody(body, first), 0, false, options);
			offset = first;
		}
		if (offset < body.size) await this.ops.putBody(temp, body, offset, true, options);
	}

	/** The size of a leftover at `temp` whose bytes match the file's where checked, else 0. */
	private async reusableBytes(temp: string, body: UploadBody, signal?: AbortSignal): Promise<number> {
		const left = await this.ops.statFile(temp, signal);
		if (!left || left.size === 0 || left.size > body.size) return 0;
		const windows = [
			{ start: 0, end: Math.min(CHECK_BYTES, left.size) },
			{ start: Math.max(0, left.size - CHECK_BYTES), end: left.size },
		];
		for (const window of windows) {
			const remote = await this.ops.read(temp, window, signal);
			const local = await readBodyRange(body, window.start, window.end - window.start);
			if (!sameBytes(remote, local)) return 0;
		}
		return left.size;
	}

	private async probe(path: string, signal?: AbortSignal): Promise<boolean> {
		const whole = new TextEncoder().encode("abcdef");
		try {
			await this.ops.putBody(path, bytesBody(whole.subarray(0, 4)), 0, false, { signal });
			try {
				await this.ops.putBody(path, bytesBody(whole), 4, true, { signal });
			} catch (error) {
				if (error instanceof TargetError && (error.code === "refused" || error.code === "not-found")) return false;
				throw error;
			}
			const stored = await this.ops.statFile(path, signal);
			if (stored?.size !== whole.length) return false;
			return sameBytes(await this.ops.read(path, { start: 0, end: whole.length }, signal), whole);
		} finally {
			await this.ops.remove(path, signal).catch(() => undefined);
		}
	}
}

/** The first `length` bytes of `body`. */
export function limitBody(body: UploadBody, length: number): UploadBody {
	return {
		size: length,
		async *open(start = 0) {
			let left = length - start;
			if (left <= 0) return;
			for await (const chunk of body.open(start)) {
				yield chunk.byteLength <= left ? chunk : chunk.subarray(0, left);
				left -= chunk.byteLength;
				if (left <= 0) return;
			}
		},
	};
}

function bytesBody(bytes: Uint8Array): UploadBody {
	return {
		size: bytes.byteLength,
		async *open(start = 0) {
			yield bytes.subarray(start);
		},
	};
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.byteLength !== b.byteLength) return false;
	for (let index = 0; index < a.byteLength; index++) if (a[index] !== b[index]) return false;
	return true;
}
