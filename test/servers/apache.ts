/**
 * Apache httpd with mod_dav, mod_dav_fs and basic auth, run from its own temporary ServerRoot on a free
 * 127.0.0.1 port: the WebDAV server of Synology, QNAP and most NAS boxes, for tests against the real thing.
 */
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { basicAuth, DEFAULT_USER, htpasswd, startOnFreePort, type DavServer, type DavUser } from "./dav-server";
import { findBinary } from "./require-binary";
import { ServerProcess } from "./server-process";

const MODULE_DIRS = ["/usr/lib/apache2/modules", "/usr/lib64/httpd/modules", "/usr/lib/httpd/modules", "/usr/local/apache2/modules", "/opt/homebrew/lib/httpd/modules"];

// [module name, file]: each load is guarded, as Debian builds some modules in and other builds others.
const MODULES: [string, string][] = [
	["mpm_event_module", "mod_mpm_event.so"],
	["authn_core_module", "mod_authn_core.so"],
	["authn_file_module", "mod_authn_file.so"],
	["authz_core_module", "mod_authz_core.so"],
	["authz_user_module", "mod_authz_user.so"],
	["auth_basic_module", "mod_auth_basic.so"],
	["alias_module", "mod_alias.so"],
	["dav_module", "mod_dav.so"],
	["dav_fs_module", "mod_dav_fs.so"],
];

/** The account Apache's workers run as when the tests run as root (Apache refuses to serve as root). */
const WORKER_USER = "www-data";

function moduleDir(): string {
	const dir = MODULE_DIRS.find((d) => existsSync(join(d, "mod_dav_fs.so")));
	if (dir === undefined) throw new Error(`mod_dav_fs.so not found in ${MODULE_DIRS.join(", ")}`);
	return dir;
}

/** uid and gid of `name` from /etc/passwd (Node has no getpwnam). */
function accountIds(name: string): { uid: number; gid: number } {
	const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${name}:`));
	const [, , uid, gid] = line?.split(":") ?? [];
	if (uid === undefined || gid === undefined) throw new Error(`no ${name} account: Apache cannot run its workers as root`);
	return { uid: Number(uid), gid: Number(gid) };
}

function config(root: string, port: number, asRoot: boolean): string {
	const modules = moduleDir();
	const loads = MODULES.map(([name, file]) => `<IfModule !${name}>\n\tLoadModule ${name} ${join(modules, file)}\n</IfModule>`);
	return [
		`ServerRoot "${root}"`,
		`Listen 127.0.0.1:${port}`,
		"ServerName 127.0.0.1",
		`PidFile "${join(root, "run", "httpd.pid")}"`,
		`DefaultRuntimeDir "${join(root, "run")}"`,
		`ErrorLog "${join(root, "error.log")}"`,
		"LogLevel warn",
		...(asRoot ? [`User ${WORKER_USER}`, `Group ${WORKER_USER}`] : []),
		...loads,
		"StartServers 1",
		// Photos can be many gigabytes: no body limit, and no read timeout short enough to cut a slow upload.
		"LimitRequestBody 0",
		"Timeout 300",
		`DavLockDB "${join(root, "lock", "DavLock")}"`,
		`Alias /dav "${join(root, "data")}"`,
		`<Directory "${join(root, "data")}">`,
		"\tDav On",
		"\tAuthType Basic",
		'\tAuthName "Photo Archivist tests"',
		`\tAuthUserFile "${join(root, "htpasswd")}"`,
		"\tRequire valid-user",
		"</Directory>",
		"",
	].join("\n");
}

/**
 * Starts Apache serving WebDAV at http://127.0.0.1:PORT/dav/ from a fresh temporary folder. It reports no
 * quota: mod_dav_fs in 2.4 answers 404 for quota-available-bytes (there is no DAVquota directive).
 */
export async function startApache(options: { users?: DavUser[] } = {}): Promise<DavServer> {
	const binary = findBinary("apache2", "httpd");
	if (binary === null) throw new Error("apache2 is not installed (apt-get install apache2)");
	const users = options.users ?? [DEFAULT_USER];
	const root = await mkdtemp(join(tmpdir(), "pa-apache-"));
	const dataDir = join(root, "data");
	const asRoot = process.getuid?.() === 0;
	try {
		for (const dir of ["data", "lock", "run"]) await mkdir(join(root, dir));
		await writeFile(join(root, "htpasswd"), htpasswd(users));
		if (asRoot) {
			// The workers (www-data) must pass through the root folder and own what they write into.
			await chmod(root, 0o755);
			const { uid, gid } = accountIds(WORKER_USER);
			for (const dir of ["data", "lock", "run"]) await chown(join(root, dir), uid, gid);
		}
		const auth = basicAuth(users[0] ?? DEFAULT_USER);
		return await startOnFreePort(root, dataDir, users, async (port) => {
			await writeFile(join(root, "httpd.conf"), config(root, port, asRoot));
			const url = `http://127.0.0.1:${port}/dav/`;
			const errorLog = (): string => {
				const path = join(root, "error.log");
				return existsSync(path) ? `\n--- error.log ---\n${readFileSync(path, "utf8").slice(-8_000)}` : "";
			};
			const server = new ServerProcess({
				name: "apache2",
				command: binary,
				args: ["-f", join(root, "httpd.conf"), "-DFOREGROUND"],
				readyUrl: url,
				authorization: auth,
				extraLog: errorLog,
			});
			return { url, process: server };
		});
	} catch (error) {
		await rm(root, { recursive: true, force: true });
		throw error;
	}
}
