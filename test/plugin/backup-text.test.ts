import { describe, expect, it } from "vitest";
import type { BackupProgress, BackupSummary, TargetRunResult } from "../../src/core/backup/backup-types";
import { backupProgressText } from "../../src/plugin/backup/backup-progress-text";
import { backupSummaryText, needsAttention, targetLine } from "../../src/plugin/backup/backup-summary-text";
import { formatBytes, formatBytesOf, formatTimeLeft } from "../../src/plugin/backup/backup-units";
import { idFromName } from "../../src/plugin/backup/target-draft";

const GB = 1_000_000_000;

function progress(fields: Partial<BackupProgress> = {}): BackupProgress {
	return { filesDone: 120, filesTotal: 500, bytesDone: 1.2 * GB, bytesTotal: 3.4 * GB, bytesPerSecond: 12_000_000, secondsLeft: 170, paused: false, ...fields };
}

function result(fields: Partial<TargetRunResult> = {}): TargetRunResult {
	return { targetId: "nas", name: "NAS", uploaded: 0, skipped: 0, bytes: 0, failed: [], conflicts: [], upToDate: true, ...fields };
}

describe("backup progress text", () => {
	it("reads like the status bar line of the issue", () => {
		expect(backupProgressText(progress())).toBe("Backup 120/500 · 1.2 of 3.4 GB · 12 MB/s · 3 min left");
	});

	it("leaves out the speed and time left until they are known, and while paused", () => {
		expect(backupProgressText(progress({ bytesPerSecond: 0, secondsLeft: null }))).toBe("Backup 120/500 · 1.2 of 3.4 GB");
		expect(backupProgressText(progress({ paused: true }))).toBe("Backup paused 120/500 · 1.2 of 3.4 GB");
		expect(backupProgressText(progress(), true)).toBe("Backup paused 120/500 · 1.2 of 3.4 GB");
	});

	it("formats sizes in decimal units and rounds time left up", () => {
		const cases: [number, string][] = [[0, "0 B"], [999, "999 B"], [1_000, "1.0 kB"], [12_345_678, "12.3 MB"], [345_000_000, "345 MB"], [2.5 * GB, "2.5 GB"]];
		for (const [bytes, text] of cases) expect(formatBytes(bytes), String(bytes)).toBe(text);
		expect(formatBytesOf(0, 3.4 * GB)).toBe("0.0 of 3.4 GB");
		expect(formatBytesOf(999_999, 2_000_000)).toBe("1.0 of 2.0 MB");
		const times: [number, string][] = [[0.2, "1 s"], [59, "59 s"], [61, "2 min"], [3_600, "1 h"], [7_500, "2 h 5 min"]];
		for (const [seconds, text] of times) expect(formatTimeLeft(seconds), String(seconds)).toBe(text);
	});
});

describe("backup summary text", () => {
	it("says up to date per target when nothing failed", () => {
		const summary: BackupSummary = { cancelled: false, targets: [result({ uploaded: 3, skipped: 120, bytes: 12_000_000 })] };
		expect(needsAttention(summary)).toBe(false);
		expect(backupSummaryText(summary)).toBe("Backup finished.\nNAS: up to date (3 photos uploaded (12.0 MB), 120 already there).");
	});

	it("gives the reason a target stopped, and the first failures with theirs", () => {
		const failed = ["a", "b", "c", "d"].map((name) => ({ path: `Photos/${name}.jpg`, reason: "the server answered 403" }));
		const summary: BackupSummary = {
			cancelled: false,
			targets: [
				result({ targetId: "cloud", name: "Cloud", upToDate: false, stopped: "The server refused the user name or password." }),
				result({ uploaded: 1, upToDate: false, failed }),
			],
		};
		expect(needsAttention(summary)).toBe(true);
		expect(backupSummaryText(summary).split("\n")).toEqual([
			"Backup finished, with problems.",
			"Cloud: stopped. The server refused the user name or password.",
			"NAS: 1 photo uploaded, 0 already there, 4 failed.",
			"• NAS: Photos/a.jpg: the server answered 403",
			"• NAS: Photos/b.jpg: the server answered 403",
			"• NAS: Photos/c.jpg: the server answered 403",
			"…and 1 other.",
		]);
	});

	it("reports kept-both conflicts and cancelled runs", () => {
		const conflicts = [{ path: "Photos/a.jpg", remotePath: "Photos/a.jpg", keptAs: "Photos/a (conflict 1a2b3c4d).jpg" }];
		expect(targetLine(result({ uploaded: 1, conflicts }))).toBe(
			"NAS: up to date (1 photo uploaded, 0 already there). 1 photo differs from a file already there: both were kept.",
		);
		expect(backupSummaryText({ cancelled: true, targets: [] })).toMatch(/^Backup cancelled; what was uploaded is kept/);
	});
});

describe("target ids", () => {
	it("derives a stable, unique id from the name", () => {
		expect(idFromName("Home NAS (Synology)", [])).toBe("home-nas-synology");
		expect(idFromName("Été à Zürich", [])).toBe("ete-a-zurich");
		expect(idFromName("日本", [])).toBe("target");
		expect(idFromName("NAS", ["nas", "nas-2"])).toBe("nas-3");
	});
});
