/**
 * Cleaning up after ourselves: multipart uploads this device started and never finished hold storage (and,
 * on paid services, cost money) until aborted. Those remembered longer than a limit are aborted and forgotten;
 * uploads the store does not know are left alone, since they may be another program's.
 */
import { describeError } from "../../model/errors";
import { TargetError } from "../../model/target-error";
import { s3Client } from "./s3-client";
import { abortUpload } from "./s3-multipart";
import type { S3TargetOptions } from "./s3-options";

export interface StaleUploadsResult {
	/** Keys whose unfinished uploads were aborted. */
	aborted: string[];
	failed: Array<{ key: string; reason: string }>;
}

/** Aborts the remembered uploads started at least `olderThanMs` ago (a week is a sensible default for the shells). */
export async function abortStaleUploads(options: S3TargetOptions, olderThanMs: number, signal?: AbortSignal): Promise<StaleUploadsResult> {
	const result: StaleUploadsResult = { aborted: [], failed: [] };
	const store = options.uploads;
	if (!store) return result;
	const client = s3Client(options);
	const now = client.now().getTime();
	for (const state of await store.all()) {
		const started = Date.parse(state.startedAt);
		if (!Number.isNaN(started) && now - started < olderThanMs) continue;
		try {
			await abortUpload(client, state, signal);
			await store.delete(state.key);
			result.aborted.push(state.key);
		} catch (error) {
			if (error instanceof TargetError && (error.stopsTarget || error.code === "cancelled")) throw error;
			result.failed.push({ key: state.key, reason: describeError(error) });
		}
	}
	return result;
}
