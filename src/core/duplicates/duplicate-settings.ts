/**
 * The duplicate-search settings (the `duplicates` section of data.json): how many of the 64 bits of the
 * perceptual hash two pictures may differ in and still count as the same picture.
 */
import { MAX_THRESHOLD } from "./similar-groups";

export interface DuplicateSettings {
	/** 0 (only pixel-for-pixel look-alikes) to 16. */
	threshold: number;
}

/**
 * 10 of 64 bits. Measured on 30 synthetic scenes: a copy re-encoded at quality 30, shrunk to a third, or
 * made 15% brighter differs in at most 7 bits; distinct scenes (all built on one kind of gradient) differ in
 * 17 or more, and distinct photos of the real-photo corpus in 22 or more. 10 sits between, as the dHash
 * literature suggests, leaving room for heavier re-encoding without grouping different shots.
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 10;

export const DEFAULT_DUPLICATE_SETTINGS: Readonly<DuplicateSettings> = Object.freeze({ threshold: DEFAULT_DUPLICATE_THRESHOLD });

/** A whole number 0–16, else the default. */
export function normalizeThreshold(value: unknown): number {
	return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_THRESHOLD ? value : DEFAULT_DUPLICATE_THRESHOLD;
}

/** Settings from an untrusted object (data.json written by any version, or by hand). */
export function normalizeDuplicateSettings(raw: unknown): DuplicateSettings {
	const source = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
	return { threshold: normalizeThreshold(source.threshold) };
}
