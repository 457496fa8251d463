/**
 * The rule "Free up space" goes by: an original may leave the vault only where at least N enabled targets
 * each hold a copy of its exact content verified by hash within the last M days. Pure, so the dry run and
 * the act apply the very same test.
 */
import type { BackupLedger } from "../backup/backup-ledger";
import type { PhotoRecord } from "../model/photo-record";
import type { FreeSpacePolicy } from "./restore-types";

const DAY_MS = 24 * 60 * 60 * 1000;

export type Judgement = { ok: true; targets: string[] } | { ok: false; reason: string };

/** Call after `ledger.load()`. */
export async function judgeOffload(ledger: BackupLedger, record: PhotoRecord, policy: FreeSpacePolicy, now: Date): Promise<Judgement> {
	const enabled = ledger.settings.targets.filter((t) => t.enabled);
	if (enabled.length === 0) return { ok: false, reason: "no backup target is set up" };
	const good: string[] = [];
	const notes: string[] = [];
	for (const config of enabled) {
		const copies = (await ledger.store(config.id))?.manifest.holding(record.sha256).filter((e) => e.size === record.size) ?? [];
		const latest = Math.max(-1, ...copies.map((e) => (e.verifiedAt === undefined ? -1 : Date.parse(e.verifiedAt) || -1)));
		if (copies.length === 0) notes.push(`${config.name}: no copy`);
		else if (latest < 0) notes.push(`${config.name}: copy never verified`);
		else if (now.getTime() - latest > policy.maxAgeDays * DAY_MS) {
			notes.push(`${config.name}: last verified ${Math.floor((now.getTime() - latest) / DAY_MS)} days ago`);
		} else good.push(config.name);
	}
	if (good.length >= policy.minCopies) return { ok: true, targets: good };
	const count = `${good.length} of ${policy.minCopies} copies needed verified by hash within ${policy.maxAgeDays} days`;
	return { ok: false, reason: notes.length > 0 ? `${count} (${notes.join("; ")})` : count };
}

/** A policy from untrusted settings: whole numbers, at least one copy, defaults where unusable. */
export function normalizeFreeSpacePolicy(raw: Partial<Record<keyof FreeSpacePolicy, unknown>> | undefined, defaults: FreeSpacePolicy): FreeSpacePolicy {
	const whole = (value: unknown, min: number, fallback: number): number =>
		typeof value === "number" && Number.isFinite(value) && value >= min ? Math.floor(value) : fallback;
	return { minCopies: whole(raw?.minCopies, 1, defaults.minCopies), maxAgeDays: whole(raw?.maxAgeDays, 0, defaults.maxAgeDays) };
}
