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
			targets: [{ id: "NAS!", kind: "webdav" }, { id: "ftp", kind: "ftp" }, { id: "a", kind: "folder" }, { id: "a", kind: "webdav" }, "x"],
		}, "desktop", (p) => problems.push(p));
		expect(targets.map((t) => t.id)).toEqual(["a"]);
		expect(problems).toEqual([
			'backup target id "NAS!" is not valid: use lower-case letters, digits and "-"',
			'backup target "ftp" has an unknown kind "ftp": expected "webdav", "folder" or "s3"',
			'backup target id "a" is used twice: the second one is left out',
			"a backup target is not an object",
		]);
	});
});

describe("S3 and encrypted targets in data.json", () => {
	it("gives an S3 target the cloud medium and offsite unless chosen, and keeps its fields with the prefix made regular", () => {
		const { targets } = normalizeBackupSettings({
			targets: [
				{
					id: "b2", kind: "s3", endpoint: " https://s3.eu-central-003.backblazeb2.com ", region: "eu-central-003", bucket: "family-photos",
					prefix: "/photos//2024", pathStyle: true, accessKeyId: "K003", secretKeySecret: "b2-secret", accessKeyEnv: "B2_KEY", secretKeyEnv: "B2_SECRET",
				},
				{ id: "minio", kind: "s3", endpoint: "http://nas.local:9000", bucket: "p", offsite: false, medium: "nas", prefix: " / ", pathStyle: "yes" },
			],
		});
		expect(targets).toEqual([
			{
				id: "b2", name: "b2", kind: "s3", medium: "cloud", offsite: true, layout: "mirror", enabled: true,
				endpoint: "https://s3.eu-central-003.backblazeb2.com", region: "eu-central-003", bucket: "family-photos", prefix: "photos/2024/", pathStyle: true,
				accessKeyId: "K003", secretKeySecret: "b2-secret", accessKeyEnv: "B2_KEY", secretKeyEnv: "B2_SECRET",
			},
			{ id: "minio", name: "minio", kind: "s3", medium: "nas", offsite: false, layout: "mirror", enabled: true, endpoint: "http://nas.local:9000", bucket: "p" },
		]);
	});

	it("keeps encryption only when it is exactly true, with where its passphrase comes from", () => {
		const { targets } = normalizeBackupSettings({
			targets: [
				{ id: "a", kind: "folder", path: "/mnt/a", encrypt: true, passphraseSecret: "photos-passphrase" },
				{ id: "b", kind: "webdav", url: "https://h/", encrypt: "true", passphraseEnv: "PASS", passphraseFile: " /etc/pass " },
			],
		});
		expect(targets[0]).toMatchObject({ encrypt: true, passphraseSecret: "photos-passphrase" });
		expect(targets[1]).not.toHaveProperty("encrypt");
		expect(targets[1]).toMatchObject({ passphraseEnv: "PASS", passphraseFile: "/etc/pass" });
	});

	const s3 = { id: "b2", name: "B2", kind: "s3", medium: "cloud", offsite: true, layout: "mirror", enabled: true } as const;

	it.each<[string, Record<string, unknown>, string | null]>([
		["no endpoint", {}, '"B2" has no endpoint: set the storage service\'s address in the backup settings'],
		["an endpoint that is not http", { endpoint: "s3.example.com" }, '"B2" has an endpoint that is not http:// or https://: s3.example.com'],
		["no bucket", { endpoint: "https://s3.example.com" }, '"B2" has no bucket: set one in the backup settings'],
		["a bucket a host name cannot hold", { endpoint: "https://s3.example.com", bucket: "My_Photos" }, '"B2": the bucket "My_Photos" cannot be part of a host name (capitals, "_" or its length): use path-style addressing'],
		["no access key id", { endpoint: "https://s3.example.com", bucket: "bucket" }, '"B2" has no access key id: set one in the backup settings'],
		["no secret key", { endpoint: "https://s3.example.com", bucket: "bucket", accessKeyId: "K" }, '"B2" has no secret key: set one in the backup settings'],
		["keys from the keychain", { endpoint: "https://s3.example.com", bucket: "bucket", accessKeyId: "K", secretKeySecret: "s" }, null],
		["keys from the environment", { endpoint: "https://s3.example.com", bucket: "My_Photos", pathStyle: true, accessKeyEnv: "K", secretKeyEnv: "S" }, null],
	])("says what an S3 target lacks: %s", (_name, fields, problem) => {
		expect(targetConfigProblem({ ...s3, ...fields })).toBe(problem);
	});

	it("says an encrypted target has no passphrase, whatever its kind, until one of its sources is set", () => {
		const folder = { ...s3, kind: "folder", name: "SSD", path: "/mnt/ssd", encrypt: true } as const;
		expect(targetConfigProblem(folder)).toBe('"SSD" is encrypted but has no passphrase: choose one in the backup settings');
		for (const source of [{ passphraseSecret: "p" }, { passphraseEnv: "P" }, { passphraseFile: "/p" }]) {
			expect(targetConfigProblem({ ...folder, ...source })).toBeNull();
		}
		expect(targetConfigProblem({ ...folder, kind: "webdav" })).toMatch(/has no server URL/);
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
