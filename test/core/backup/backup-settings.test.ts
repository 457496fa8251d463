import { describe, expect, it } from "vitest";
import {
	DEFAULT_BACKUP_SETTINGS, concurrencyOf, defaultBackupSettings, normalizeBackupSettings, targetConfigProblem,
} from "../../../src/core/backup/backup-settings";

describe("normalizeBackupSettings", () => {
	it("gives the platform's defaults for anything missing", () => {
		expect(normalizeBackupSettings(undefined, "desktop")).toEqual(DEFAULT_BACKUP_SETTINGS);
		expect(normalizeBackupSettings({}, "android")).toEqual({ targets: [], afterIndex: false, everyMinutes: 0, mobileMaxFileBytes: 50_000_000 });
		expect(normalizeBackupSettings({}, "ios")).toMatchObject({ afterIndex: false, everyMinutes: 0, mobileMaxFileBytes: 500_000_000 });
		expect(defaultBackupSettings("cli")).toMatchObject({ afterIndex: true, everyMinutes: 60 });
	});

	it("keeps what the user chose, and defaults what is not valid", () => {
		const settings = normalizeBackupSettings({ afterIndex: false, everyMinutes: 15, mobileMaxFileBytes: 1e8 }, "android");
		expect(settings).toMatchObject({ afterIndex: false, everyMinutes: 15, mobileMaxFileBytes: 1e8 });
		const bad = normalizeBackupSettings({ afterIndex: "yes", everyMinutes: -5, mobileMaxFileBytes: "big" }, "desktop");
		expect(bad).toMatchObject({ afterIndex: true, everyMinutes: 60, mobileMaxFileBytes: 50_000_000 });
	});

	it("fills a target's defaults by kind and keeps its fields", () => {
		const { targets } = normalizeBackupSettings({
			targets: [
				{ id: "nas", kind: "webdav", url: " https://nas.local/photos ", username: "me", passwordSecret: "nas-password" },
				{ id: "ssd-1", name: "Blue SSD", kind: "folder", path: "/media/ssd", layout: "date", offsite: true, enabled: false, concurrency: 99 },
			],
		});
		expect(targets).toEqual([
			{ id: "nas", name: "nas", kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true, url: "https://nas.local/photos", username: "me", passwordSecret: "nas-password" },
			{ id: "ssd-1", name: "Blue SSD", kind: "folder", medium: "external-drive", offsite: true, layout: "date", enabled: false, path: "/media/ssd", concurrency: 16 },
		]);
	});

	it("leaves out targets it cannot use, each with its reason", () => {
		const problems: string[] = [];
		const { targets } = normalizeBackupSettings({
			targets: [{ id: "NAS!", kind: "webdav" }, { id: "s3", kind: "s3" }, { id: "a", kind: "folder" }, { id: "a", kind: "webdav" }, "x"],
		}, "desktop", (p) => problems.push(p));
		expect(targets.map((t) => t.id)).toEqual(["a"]);
		expect(problems).toEqual([
			'backup target id "NAS!" is not valid: use lower-case letters, digits and "-"',
			'backup target "s3" has an unknown kind "s3": expected "webdav" or "folder"',
			'backup target id "a" is used twice: the second one is left out',
			"a backup target is not an object",
		]);
	});
});

describe("per-target facts", () => {
	const base = { id: "t", name: "NAS", medium: "nas", offsite: false, layout: "mirror", enabled: true } as const;

	it("uploads four at once on a computer and one on a phone unless set", () => {
		expect(concurrencyOf({ ...base, kind: "webdav" }, "desktop")).toBe(4);
		expect(concurrencyOf({ ...base, kind: "webdav" }, "ios")).toBe(1);
		expect(concurrencyOf({ ...base, kind: "webdav", concurrency: 2 }, "android")).toBe(2);
	});

	it("says what keeps an incomplete target from being used", () => {
		expect(targetConfigProblem({ ...base, kind: "webdav" })).toBe('"NAS" has no server URL: set one in the backup settings');
		expect(targetConfigProblem({ ...base, kind: "webdav", url: "ftp://x" })).toMatch(/not http:\/\/ or https:\/\//);
		expect(targetConfigProblem({ ...base, kind: "folder" })).toBe('"NAS" has no folder: set one in the backup settings');
		expect(targetConfigProblem({ ...base, kind: "webdav", url: "https://nas.local/dav" })).toBeNull();
	});
});
