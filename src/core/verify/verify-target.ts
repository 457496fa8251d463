/**
 * The verification of one opened target: the quick check (listing), then, when thorough, reading back
 * the copies (all, or this run's share of the rotation); then the findings go into the manifest, the
 * notes of the photos concerned are rewritten, and the target's manifest copy is brought up to date.
 */
import type { ManifestEntry } from "../backup/manifest";
import type { ManifestStore } from "../backup/manifest-store";
import { publishManifest } from "../backup/prepare-target";
import { REMOTE_MANIFEST } from "../backup/remote-manifest";
import type { TargetConfig } from "../model/target-config";
import type { DataStore } from "../ports/data-store";
import type { Log } from "../ports/log";
import type { Target } from "../ports/target";
import { countRequests } from "./counting-target";
import { readBack } from "./deep-verify";
import { quickCheck } from "./quick-verify";
import { recordFindings, type Finding } from "./record-findings";
import { loadRotation, saveRotation, takeSample } from "./sample-rotation";
import type { CopyProblem, ReplacedCopy, TargetVerifyResult, VerifyProgress } from "./verify-types";

/** The photos of the vault with some content: every path (for their notes), and whether one is still there. */
export type PhotosOf = (sha256: string) => { paths: string[]; inVault: boolean };

export interface VerifyTargetDeps {
	config: TargetConfig;
	target: Target;
	store: ManifestStore;
	data: DataStore;
	deep: boolean;
	samplePercent: number;
	concurrency: number;
	signal?: AbortSignal;
	now: () => Date;
	log: Log;
	photosOf: PhotosOf;
	refreshNotes: (paths: readonly string[]) => Promise<void>;
	onProgress?: (progress: VerifyProgress) => void;
}

export function emptyVerifyResult(config: TargetConfig, deep: boolean): TargetVerifyResult {
	return {
		targetId: config.id, name: config.name, deep, copies: 0, present: 0, read: 0, verified: 0, bytesRead: 0,
		problems: [], extra: [], replaced: [], failed: [], folders: 0, requests: 0, ok: false,
	};
}

/** Faulty copies whose content has a sound copy on the target again: kept there, no longer checked. */
function splitReplaced(store: ManifestStore, entries: readonly ManifestEntry[]): { checked: ManifestEntry[]; replaced: ReplacedCopy[] } {
	const checked: ManifestEntry[] = [];
	const replaced: ReplacedCopy[] = [];
	for (const entry of entries) {
		const sound = entry.fault === undefined ? undefined : store.manifest.holding(entry.sha256)[0];
		if (entry.fault !== undefined && sound !== undefined) replaced.push({ remotePath: entry.remotePath, fault: entry.fault, replacedBy: sound.remotePath });
		else checked.push(entry);
	}
	return { checked, replaced };
}

export async function verifyTarget(deps: VerifyTargetDeps): Promise<TargetVerifyResult> {
	const { config, store } = deps;
	const result = emptyVerifyResult(config, deps.deep);
	const counting = countRequests(deps.target);
	const { checked, replaced } = splitReplaced(store, store.manifest.entries());
	result.copies = checked.length;
	result.replaced = replaced;
	const emit = (p: Omit<VerifyProgress, "targetName">): void => deps.onProgress?.({ targetName: config.name, ...p });

	const quick = await quickCheck(counting.target, checked, {
		known: (path) => store.manifest.at(path) !== undefined,
		signal: deps.signal,
		onFolder: (done, total, folder) => emit({ phase: "listing", done, total, bytesDone: 0, bytesTotal: 0, path: folder }),
	});
	result.folders = quick.folders;
	result.extra = quick.extra;
	result.failed.push(...quick.failed);
	if (quick.stopped !== undefined) result.stopped = quick.stopped;
	const findings = new Map<string, Finding>();
	const details = new Map<string, string>();
	for (const copy of quick.copies) {
		findings.set(copy.entry.remotePath, { entry: copy.entry, verdict: copy.state });
		if (copy.state === "present") result.present++;
		else details.set(copy.entry.remotePath, copy.detail);
	}

	if (deps.deep && result.stopped === undefined && !(deps.signal?.aborted ?? false)) {
		const present = quick.copies.filter((c) => c.state === "present").map((c) => c.entry);
		let toRead = present;
		let next: string | null = null;
		const sampled = deps.samplePercent < 100;
		if (sampled) {
			result.samplePercent = deps.samplePercent;
			// The rotation runs over every copy checked, present or not, so its order does not shift as faults come and go.
			const sample = takeSample(checked.map((e) => e.remotePath).sort(), deps.samplePercent, await loadRotation(deps.data, config.id));
			const chosen = new Set(sample.chosen);
			toRead = present.filter((e) => chosen.has(e.remotePath));
			next = sample.next;
		}
		const bytesTotal = toRead.reduce((n, e) => n + e.size, 0);
		emit({ phase: "reading", done: 0, total: toRead.length, bytesDone: 0, bytesTotal });
		const back = await readBack(counting.target, toRead, {
			concurrency: deps.concurrency,
			signal: deps.signal,
			onCopy: (done, bytes, path) => emit({ phase: "reading", done, total: toRead.length, bytesDone: bytes, bytesTotal, path }),
		});
		result.bytesRead = back.bytesRead;
		if (back.stopped !== undefined) result.stopped = back.stopped;
		for (const outcome of back.outcomes) {
			const path = outcome.entry.remotePath;
			if (outcome.state === "unchecked") {
				result.failed.push({ path, reason: outcome.reason });
				continue;
			}
			result.read++;
			if (outcome.state === "verified") result.verified++;
			else {
				result.present--;
				details.set(path, outcome.detail);
			}
			findings.set(path, { entry: outcome.entry, verdict: outcome.state });
		}
		if (sampled && next !== null && back.stopped === undefined && !(deps.signal?.aborted ?? false)) {
			try {
				await saveRotation(deps.data, config.id, next);
			} catch (error) {
				deps.log.warn(`The verification rotation of "${config.name}" could not be saved; the next sampled run repeats this one`, error);
			}
		}
	}

	const changed = await recordFindings(store, [...findings.values()], deps.now, deps.log);
	result.problems = problemsOf(store, checked, details, deps.photosOf);
	result.requests = counting.requests;
	if (changed.length > 0) {
		const paths = new Set(changed.flatMap((e) => deps.photosOf(e.sha256).paths));
		try {
			await deps.refreshNotes([...paths].sort());
		} catch (error) {
			deps.log.warn(`Notes could not be updated after verifying "${config.name}"`, error);
		}
		if (result.stopped === undefined && !(deps.signal?.aborted ?? false)) {
			const problem = await publishManifest(deps.target, store, deps.signal, deps.log);
			if (problem !== null) result.failed.push({ path: REMOTE_MANIFEST, reason: `the list of what is on the target could not be updated: ${problem}` });
		}
	}
	result.ok = result.stopped === undefined && result.problems.length === 0 && result.failed.length === 0;
	return result;
}

/** Every checked copy that is faulty now, found so this run or an earlier one and not yet replaced. */
function problemsOf(store: ManifestStore, checked: readonly ManifestEntry[], details: Map<string, string>, photosOf: PhotosOf): CopyProblem[] {
	const problems: CopyProblem[] = [];
	for (const entry of checked) {
		const now = store.manifest.at(entry.remotePath);
		if (now?.fault === undefined || now.sha256 !== entry.sha256) continue;
		const photos = photosOf(now.sha256);
		problems.push({
			remotePath: now.remotePath,
			fault: now.fault,
			detail: details.get(now.remotePath) ?? `found ${now.faultAt ?? "earlier"} by an earlier check, not replaced yet`,
			sha256: now.sha256,
			size: now.size,
			photos: photos.paths,
			requeued: photos.inVault,
		});
	}
	return problems;
}
