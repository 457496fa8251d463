/** `photo-archivist target add|list|remove|test <vault>`: the backup targets kept in the plugin's data.json. */
import { parseArgs } from "node:util";
import type { ConnectionReport } from "../../core/backup/backup-types";
import type { TargetConfig } from "../../core/model/target-config";
import { backupSettingsOf, passwordSource, rawTargets, setRawTargets, unknownTarget } from "../backup-config";
import { formatBytes } from "../format-units";
import { readPluginData, updatePluginData } from "../plugin-data-file";
import { TARGET_ADD_OPTIONS, targetFromOptions } from "../target-config-args";
import { secretSource } from "../target-password";
import { refuseLiteralSecrets } from "../target-secret-args";
import { UsageError } from "../usage-error";
import { openVault, vaultFolders } from "../vault";

const COMMON = { "config-dir": { type: "string" }, json: { type: "boolean", default: false } } as const;

export async function targetCommand(args: string[]): Promise<number> {
	const [action, ...rest] = args;
	switch (action) {
		case "add":
			return add(rest);
		case "list":
			return list(rest);
		case "remove":
			return remove(rest);
		case "test":
			return test(rest);
		default:
			throw new UsageError(action ? `unknown target command: ${action} (add, list, remove, test)` : "target needs add, list, remove or test");
	}
}

function vaultOf(positionals: string[], action: string): string {
	if (positionals.length !== 1) throw new UsageError(`target ${action} takes exactly one vault folder`);
	return positionals[0] as string;
}

async function add(args: string[]): Promise<number> {
	refuseLiteralSecrets(args);
	const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...TARGET_ADD_OPTIONS, ...COMMON } });
	const folders = await vaultFolders(vaultOf(positionals, "add"), values["config-dir"]);
	const { target, warnings } = await targetFromOptions(values, folders.root);
	await updatePluginData(folders.dataFolder, (data) => {
		const targets = rawTargets(data);
		if (targets.some((t) => t.id === target.id)) {
			throw new UsageError(`a target with id "${target.id}" already exists: remove it first (target remove ${folders.root} --id ${target.id})`);
		}
		setRawTargets(data, [...targets, target]);
	});
	for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
	process.stdout.write(values.json ? JSON.stringify(target, null, 2) + "\n" : `Added target ${describeTarget(target)}\n`);
	if (target.encrypt === true && !values.json) {
		process.stdout.write("Keep a copy of the passphrase somewhere safe: without it nobody can read these backups. It cannot change once the target holds backups.\n");
	}
	return 0;
}

async function list(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({ args, allowPositionals: true, options: COMMON });
	const folders = await vaultFolders(vaultOf(positionals, "list"), values["config-dir"]);
	const { targets } = backupSettingsOf(await readPluginData(folders.dataFolder));
	if (values.json) process.stdout.write(JSON.stringify(targets, null, 2) + "\n");
	else if (targets.length === 0) process.stdout.write(`No backup targets: add one with \`photo-archivist target add ${folders.root} ...\`\n`);
	else process.stdout.write(targets.map(describeTarget).join("\n\n") + "\n");
	return 0;
}

async function remove(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { id: { type: "string" }, ...COMMON } });
	const folders = await vaultFolders(vaultOf(positionals, "remove"), values["config-dir"]);
	const id = values.id;
	if (!id) throw new UsageError("target remove needs --id ID");
	await updatePluginData(folders.dataFolder, (data) => {
		const targets = rawTargets(data);
		if (!targets.some((t) => t.id === id)) throw new UsageError(unknownTarget(id, targets.map((t) => String(t.id))));
		setRawTargets(data, targets.filter((t) => t.id !== id));
	});
	process.stdout.write(`Removed target ${id}. The backups already on it are left as they are.\n`);
	return 0;
}

/** Exit status 0 when every tested target passed every check, else 1. */
async function test(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { id: { type: "string", multiple: true }, ...COMMON } });
	const vault = await openVault(vaultOf(positionals, "test"), values["config-dir"]);
	const known = vault.backupSettings.targets;
	const ids = values.id ?? known.filter((t) => t.enabled).map((t) => t.id);
	for (const id of ids) if (!known.some((t) => t.id === id)) throw new UsageError(unknownTarget(id, known.map((t) => t.id)));
	if (ids.length === 0) throw new UsageError("no enabled backup targets to test");
	const reports: ConnectionReport[] = [];
	for (const id of ids) reports.push(await vault.engine.backup.testTarget(id));
	if (values.json) process.stdout.write(JSON.stringify(reports, null, 2) + "\n");
	else process.stdout.write(reports.map((r) => formatReport(r, known)).join("\n\n") + "\n");
	return reports.every((r) => r.ok) ? 0 : 1;
}

function describeTarget(t: TargetConfig): string {
	const lines = [`${t.id}: ${t.name} (${t.kind}${t.encrypt === true ? ", encrypted" : ""}${t.enabled ? "" : ", disabled"})`];
	if (t.url !== undefined) lines.push(`  url:       ${t.url}`);
	if (t.path !== undefined) lines.push(`  path:      ${t.path}`);
	if (t.username) lines.push(`  user:      ${t.username}`, `  password:  from ${passwordSource(t)}`);
	if (t.kind === "s3") lines.push(...s3Lines(t));
	if (t.encrypt === true) lines.push(`  passphrase: from ${secretSource(t, "passphrase")}`);
	lines.push(`  layout:    ${t.layout === "date" ? "date (YYYY/MM/)" : "mirror (vault paths)"}`);
	lines.push(`  medium:    ${t.medium}, ${t.offsite ? "offsite" : "onsite"}`);
	if (t.concurrency !== undefined) lines.push(`  uploads:   ${t.concurrency} at once`);
	return lines.join("\n");
}

function s3Lines(t: TargetConfig): string[] {
	const lines = [`  endpoint:  ${t.endpoint ?? "not set"} (${t.pathStyle === true ? "path-style" : "virtual-hosted"})`];
	lines.push(`  bucket:    ${t.bucket ?? "not set"}${t.prefix ? `, under ${t.prefix}` : ""}`);
	if (t.region !== undefined) lines.push(`  region:    ${t.region}`);
	lines.push(`  access key id: ${t.accessKeyId !== undefined ? t.accessKeyId : `from ${secretSource(t, "accessKeyId")}`}`);
	lines.push(`  secret key: from ${secretSource(t, "secretKey")}`);
	return lines;
}

function formatReport(report: ConnectionReport, targets: TargetConfig[]): string {
	const name = targets.find((t) => t.id === report.targetId)?.name ?? report.targetId;
	const lines = [`${name}: ${report.ok ? "OK" : "FAILED"}${report.available !== undefined ? ` (${formatBytes(report.available)} free)` : ""}`];
	for (const check of report.checks) lines.push(`  ${check.ok ? "ok  " : "FAIL"} ${check.name}: ${check.message}`);
	return lines.join("\n");
}
