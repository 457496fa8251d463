// `target add|list|test` for S3 and encrypted targets: what data.json records (never a secret), every mistake said plainly, and S3's answers in plain words.
import { chmod, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "../support/temp-dir";
import { cli, DATA_JSON, put, readData } from "./cli-process";

const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const PASSPHRASE = "correct horse battery staple";
const S3_ENV = { B2_KEY_ID: "003abc", B2_SECRET: SECRET_KEY };

const s3Args = (vault: string, ...more: string[]): string[] => [
	"target", "add", vault, "--id", "b2", "--type", "s3", "--endpoint", "https://s3.eu-central-003.backblazeb2.com",
	"--bucket", "family-photos", "--access-key-env", "B2_KEY_ID", "--secret-key-env", "B2_SECRET", ...more,
];

describe("photo-archivist target add --type s3", () => {
	it("records an S3 target and where its keys come from, never the keys; cloud and offsite by default", async () => {
		const vault = await tempDir();
		const run = await cli(s3Args(vault, "--region", "eu-central-003", "--prefix", "/vault//photos", "--name", "Backblaze"), S3_ENV);
		expect(run.stderr).toBe("");
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^Added target b2: Backblaze \(s3\)/);
		expect((await readData(vault)).backup?.targets).toEqual([{
			id: "b2", name: "Backblaze", kind: "s3", medium: "cloud", offsite: true, layout: "mirror", enabled: true,
			endpoint: "https://s3.eu-central-003.backblazeb2.com", bucket: "family-photos", region: "eu-central-003", prefix: "vault/photos/",
			accessKeyEnv: "B2_KEY_ID", secretKeyEnv: "B2_SECRET",
		}]);
		expect(await readFile(join(vault, DATA_JSON), "utf8")).not.toContain(SECRET_KEY);
	});

	it("takes path-style addressing, an onsite medium, and the default variables, warning where they are unset", async () => {
		const vault = await tempDir();
		const run = await cli(["target", "add", vault, "--id", "home-minio", "--type", "s3", "--endpoint", "http://nas.local:9000/", "--bucket", "Photos_2024", "--path-style", "--onsite", "--medium", "nas"]);
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(/PHOTO_ARCHIVIST_ACCESS_KEY_HOME_MINIO is not set here/);
		expect(run.stderr).toMatch(/PHOTO_ARCHIVIST_SECRET_KEY_HOME_MINIO is not set here/);
		expect(run.stderr).toMatch(/nas\.local:9000 is reached over plain http/);
		expect((await readData(vault)).backup?.targets?.[0]).toEqual({
			id: "home-minio", name: "home-minio", kind: "s3", medium: "nas", offsite: false, layout: "mirror", enabled: true,
			endpoint: "http://nas.local:9000", bucket: "Photos_2024", pathStyle: true,
			accessKeyEnv: "PHOTO_ARCHIVIST_ACCESS_KEY_HOME_MINIO", secretKeyEnv: "PHOTO_ARCHIVIST_SECRET_KEY_HOME_MINIO",
		});
	});

	it.each([
		{ name: "no endpoint", args: ["--id", "x", "--type", "s3", "--bucket", "b"], message: /target add needs --endpoint URL for an s3 target/ },
		{ name: "an endpoint that is not a URL", args: ["--id", "x", "--type", "s3", "--endpoint", "s3.example.com", "--bucket", "b"], message: /--endpoint is not a URL: "s3\.example\.com"/ },
		{ name: "keys in the endpoint", args: ["--id", "x", "--type", "s3", "--endpoint", `https://k:${SECRET_KEY}@s3.example.com`, "--bucket", "b"], message: /--endpoint must not hold keys/ },
		{ name: "no bucket", args: ["--id", "x", "--type", "s3", "--endpoint", "https://s3.example.com"], message: /target add needs --bucket NAME/ },
		{ name: "a folder in the bucket", args: ["--id", "x", "--type", "s3", "--endpoint", "https://s3.example.com", "--bucket", "b/photos"], message: /not a bucket name .*key prefix/ },
		{ name: "a bucket a host name cannot hold", args: ["--id", "x", "--type", "s3", "--endpoint", "https://s3.example.com", "--bucket", "My_Photos"], message: /use path-style addressing \(--path-style\)/ },
		{ name: "a WebDAV URL", args: ["--id", "x", "--type", "s3", "--endpoint", "https://s3.example.com", "--bucket", "b", "--url", "https://h/"], message: /an s3 target takes no --url/ },
		{ name: "an S3 option on WebDAV", args: ["--id", "x", "--type", "webdav", "--url", "https://h/", "--bucket", "b"], message: /--bucket is for s3 targets, not webdav/ },
		{ name: "a secret key on the command line", args: ["--id", "x", "--type", "s3", "--endpoint", "https://s3.example.com", "--bucket", "b", `--secret-key=${SECRET_KEY}`], message: /--secret-key is never taken on the command line.*use --secret-key-env VAR/ },
		{ name: "a bad variable name", args: ["--id", "x", "--type", "s3", "--endpoint", "https://s3.example.com", "--bucket", "bucket", "--secret-key-env", "MY SECRET"], message: /--secret-key-env takes the name of an environment variable/ },
		{ name: "both offsite and onsite", args: ["--id", "x", "--type", "s3", "--endpoint", "https://s3.example.com", "--bucket", "b", "--offsite", "--onsite"], message: /either --offsite or --onsite/ },
	])("refuses $name with a clear message and exit status 2, writing nothing", async ({ args, message }) => {
		const vault = await tempDir();
		const run = await cli(["target", "add", vault, ...args]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(message);
		expect(run.stderr).not.toContain(SECRET_KEY);
		await expect(readFile(join(vault, DATA_JSON), "utf8")).rejects.toThrow(/ENOENT/);
	});
});

describe("photo-archivist target add --encrypt", () => {
	it("records where each run reads the passphrase (a variable, by default PHOTO_ARCHIVIST_PASSPHRASE_<ID>), never the passphrase", async () => {
		const vault = await tempDir();
		const drive = await tempDir();
		const run = await cli(["target", "add", vault, "--id", "ssd", "--type", "folder", "--path", drive, "--encrypt", "--passphrase-env", "PHOTO_PASSPHRASE"], { PHOTO_PASSPHRASE: PASSPHRASE });
		expect(run.code).toBe(0);
		expect(run.stderr).toBe("");
		expect(run.stdout).toMatch(/Keep a copy of the passphrase somewhere safe/);
		const other = await cli(s3Args(vault, "--id", "b2-crypt", "--encrypt"), S3_ENV);
		expect(other.code).toBe(0);
		expect(other.stderr).toMatch(/PHOTO_ARCHIVIST_PASSPHRASE_B2_CRYPT is not set here/);
		const targets = (await readData(vault)).backup?.targets;
		expect(targets?.[0]).toMatchObject({ id: "ssd", kind: "folder", encrypt: true, passphraseEnv: "PHOTO_PASSPHRASE" });
		expect(targets?.[1]).toMatchObject({ id: "b2-crypt", kind: "s3", encrypt: true, passphraseEnv: "PHOTO_ARCHIVIST_PASSPHRASE_B2_CRYPT" });
		expect(await readFile(join(vault, DATA_JSON), "utf8")).not.toContain(PASSPHRASE);
	});

	it("records a passphrase file by its absolute path, and warns when others can read it", async () => {
		const vault = await tempDir();
		const secrets = await tempDir();
		const file = join(secrets, "passphrase");
		await writeFile(file, `${PASSPHRASE}\n`);
		await chmod(file, 0o644);
		const run = await cli(["target", "add", vault, "--id", "nas", "--type", "webdav", "--url", "https://nas.local/dav", "--encrypt", "--passphrase-file", file]);
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(/the passphrase file .* can be read by other users: chmod 600/);
		expect((await readData(vault)).backup?.targets?.[0]).toMatchObject({ encrypt: true, passphraseFile: file });
		expect(await readFile(join(vault, DATA_JSON), "utf8")).not.toContain(PASSPHRASE);
	});

	it.each([
		{ name: "a passphrase on the command line", args: ["--encrypt", "--passphrase", PASSPHRASE], message: /--passphrase is never taken on the command line.*--passphrase-env VAR or --passphrase-file FILE/ },
		{ name: "a passphrase without --encrypt", args: ["--passphrase-env", "P"], message: /a passphrase needs --encrypt too/ },
		{ name: "both passphrase sources", args: ["--encrypt", "--passphrase-env", "P", "--passphrase-file", "/etc/hostname"], message: /either --passphrase-env or --passphrase-file/ },
		{ name: "a missing passphrase file", args: ["--encrypt", "--passphrase-file", "/nonexistent/passphrase"], message: /cannot read the passphrase file/ },
	])("refuses $name", async ({ args, message }) => {
		const vault = await tempDir();
		const run = await cli(["target", "add", vault, "--id", "x", "--type", "webdav", "--url", "https://h/", ...args]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(message);
		expect(run.stderr).not.toContain(PASSPHRASE);
	});

	it("refuses a second target with the same id: the passphrase of a target cannot be changed by adding it again", async () => {
		const vault = await tempDir();
		const drive = await tempDir();
		expect((await cli(["target", "add", vault, "--id", "ssd", "--type", "folder", "--path", drive, "--encrypt", "--passphrase-env", "A"])).code).toBe(0);
		const again = await cli(["target", "add", vault, "--id", "ssd", "--type", "folder", "--path", drive, "--encrypt", "--passphrase-env", "B"]);
		expect(again.code).toBe(2);
		expect(again.stderr).toMatch(/a target with id "ssd" already exists/);
		expect((await readData(vault)).backup?.targets?.[0]).toMatchObject({ passphraseEnv: "A" });
	});
});

describe("photo-archivist target list, for S3 and encrypted targets", () => {
	it("shows the kind, the bucket and where each secret comes from, never a secret", async () => {
		const vault = await tempDir();
		await cli(s3Args(vault, "--prefix", "photos", "--encrypt", "--passphrase-env", "PHOTO_PASSPHRASE"), S3_ENV);
		const text = await cli(["target", "list", vault], { ...S3_ENV, PHOTO_PASSPHRASE: PASSPHRASE });
		expect(text.code).toBe(0);
		expect(text.stdout).toContain([
			"b2: b2 (s3, encrypted)",
			"  endpoint:  https://s3.eu-central-003.backblazeb2.com (virtual-hosted)",
			"  bucket:    family-photos, under photos/",
			"  access key id: from environment variable B2_KEY_ID",
			"  secret key: from environment variable B2_SECRET",
			"  passphrase: from environment variable PHOTO_PASSPHRASE",
		].join("\n"));
		const json = await cli(["target", "list", vault, "--json"]);
		expect((JSON.parse(json.stdout) as Record<string, unknown>[])[0]).toMatchObject({ kind: "s3", encrypt: true, bucket: "family-photos" });
		expect(text.stdout + json.stdout).not.toContain(SECRET_KEY);
		expect(text.stdout + json.stdout).not.toContain(PASSPHRASE);
	});

	it("says, for a target set up in Obsidian, which variables the command line reads instead of the keychain", async () => {
		const vault = await tempDir();
		const fromObsidian = {
			id: "r2", name: "R2", kind: "s3", medium: "cloud", offsite: true, layout: "mirror", enabled: true,
			endpoint: "https://abc.r2.cloudflarestorage.com", bucket: "photos", accessKeyId: "AKIA", secretKeySecret: "r2-secret", encrypt: true, passphraseSecret: "photos-passphrase",
		};
		await put(vault, DATA_JSON, JSON.stringify({ backup: { targets: [fromObsidian] } }));
		const text = await cli(["target", "list", vault]);
		expect(text.stdout).toMatch(/access key id: AKIA\n/);
		expect(text.stdout).toMatch(/secret key: from Obsidian's secret storage; from the command line: environment variable PHOTO_ARCHIVIST_SECRET_KEY_R2/);
		expect(text.stdout).toMatch(/passphrase: from Obsidian's secret storage; from the command line: environment variable PHOTO_ARCHIVIST_PASSPHRASE_R2/);
	});
});

describe("photo-archivist target test on an S3 target", () => {
	let server: Server | undefined;
	afterEach(async () => {
		server?.closeAllConnections();
		await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
		server = undefined;
	});

	/** A stand-in for an S3 gateway that answers every request with this error document. */
	async function failingGateway(status: number, code: string): Promise<string> {
		server = createServer((req, res) => {
			req.resume();
			req.on("end", () => {
				res.writeHead(status, { "Content-Type": "application/xml" });
				res.end(`<?xml version="1.0"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
			});
		});
		await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
		return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	}

	it.each([
		["a wrong secret key", 403, "SignatureDoesNotMatch", /credentials: The access key or secret key is wrong/],
		["a missing bucket", 404, "NoSuchBucket", /family-photos.*\(NoSuchBucket\)/],
	])("explains %s in plain words and exits 1", async (_name, status, code, message) => {
		const vault = await tempDir();
		const endpoint = await failingGateway(status, code);
		await cli(["target", "add", vault, "--id", "b2", "--type", "s3", "--endpoint", endpoint, "--bucket", "family-photos", "--path-style", "--access-key-env", "K", "--secret-key-env", "S"], { K: "a", S: "b" });
		const run = await cli(["target", "test", vault], { K: "AKIA", S: SECRET_KEY });
		expect(run.code).toBe(1);
		expect(run.stdout).toMatch(/^b2: FAILED/m);
		expect(run.stdout).toMatch(message);
	});

	it("says which variable to set when a key is not there", async () => {
		const vault = await tempDir();
		const endpoint = await failingGateway(500, "InternalError");
		await cli(["target", "add", vault, "--id", "b2", "--type", "s3", "--endpoint", endpoint, "--bucket", "photos", "--access-key-env", "K", "--secret-key-env", "S"]);
		const run = await cli(["target", "test", vault], { K: "AKIA" });
		expect(run.code).toBe(1);
		expect(run.stdout).toMatch(/no secret key for target "b2": set the environment variable S/);
	});
});
