/** The photo-archivist command line: the same engine as the plugin, over Node's file system. */
import { parseArgs } from "node:util";
import { describeError } from "../core/model/errors";
import { albumCommand } from "./commands/album-command";
import { backupCommand } from "./commands/backup-command";
import { duplicatesCommand } from "./commands/duplicates-command";
import { indexCommand } from "./commands/index-command";
import { inspectCommand } from "./commands/inspect-command";
import { restoreCommand } from "./commands/restore-command";
import { statusCommand } from "./commands/status-command";
import { targetCommand } from "./commands/target-command";
import { verifyCommand } from "./commands/verify-command";
import { USAGE } from "./usage";
import { UsageError } from "./usage-error";

const COMMON = { json: { type: "boolean", default: false }, "config-dir": { type: "string" } } as const;

export async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	if (!command || command === "--help" || command === "-h" || command === "help") {
		process.stdout.write(USAGE + "\n");
		return command ? 0 : 2;
	}
	if (rest.some((arg) => arg === "--password" || arg.startsWith("--password="))) {
		throw new UsageError("a password is never taken on the command line (it would show in the process list and the shell's history): use --password-env VAR or --password-file FILE");
	}
	switch (command) {
		case "index": {
			const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: COMMON });
			if (positionals.length !== 1) throw new UsageError("index takes exactly one vault folder");
			return indexCommand(positionals[0] as string, values.json, values["config-dir"]);
		}
		case "inspect": {
			const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: COMMON.json } });
			if (positionals.length === 0) throw new UsageError("inspect takes one or more files");
			return inspectCommand(positionals, values.json);
		}
		case "target":
			return targetCommand(rest);
		case "album":
			return albumCommand(rest);
		case "backup": {
			const options = { ...COMMON, target: { type: "string", multiple: true }, "no-index": { type: "boolean", default: false } } as const;
			const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options });
			if (positionals.length !== 1) throw new UsageError("backup takes exactly one vault folder");
			return backupCommand({
				vault: positionals[0] as string,
				...(values.target ? { targets: values.target } : {}),
				json: values.json,
				index: !values["no-index"],
				...(values["config-dir"] !== undefined ? { configDir: values["config-dir"] } : {}),
			});
		}
		case "restore": {
			const options = {
				...COMMON, target: { type: "string" }, missing: { type: "boolean", default: false }, all: { type: "boolean", default: false },
				into: { type: "string" }, "include-offloaded": { type: "boolean", default: false },
			} as const;
			const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options });
			if (positionals.length !== 1) throw new UsageError("restore takes exactly one vault folder");
			if (values.missing && values.all) throw new UsageError("restore takes --missing or --all, not both");
			if (values.into !== undefined && !values.all) throw new UsageError("--into goes with --all");
			return restoreCommand({
				vault: positionals[0] as string,
				...(values.target !== undefined ? { target: values.target } : {}),
				mode: values.all ? "all" : "missing",
				...(values.into !== undefined ? { into: values.into } : {}),
				includeOffloaded: values["include-offloaded"],
				json: values.json,
				...(values["config-dir"] !== undefined ? { configDir: values["config-dir"] } : {}),
			});
		}
		case "status": {
			const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: COMMON });
			if (positionals.length !== 1) throw new UsageError("status takes exactly one vault folder");
			return statusCommand({
				vault: positionals[0] as string,
				json: values.json,
				...(values["config-dir"] !== undefined ? { configDir: values["config-dir"] } : {}),
			});
		}
		case "verify": {
			const options = { ...COMMON, target: { type: "string", multiple: true }, deep: { type: "boolean", default: false }, sample: { type: "string" } } as const;
			const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options });
			if (positionals.length !== 1) throw new UsageError("verify takes exactly one vault folder");
			return verifyCommand({
				vault: positionals[0] as string,
				...(values.target ? { targets: values.target } : {}),
				deep: values.deep,
				...(values.sample !== undefined ? { sample: values.sample } : {}),
				json: values.json,
				...(values["config-dir"] !== undefined ? { configDir: values["config-dir"] } : {}),
			});
		}
		case "duplicates": {
			const options = { ...COMMON, "no-index": { type: "boolean", default: false }, keep: { type: "string" } } as const;
			const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options });
			if (positionals.length !== 1) throw new UsageError("duplicates takes exactly one vault folder");
			return duplicatesCommand({
				vault: positionals[0] as string,
				json: values.json,
				index: !values["no-index"],
				...(values.keep !== undefined ? { keep: values.keep } : {}),
				...(values["config-dir"] !== undefined ? { configDir: values["config-dir"] } : {}),
			});
		}
		default:
			throw new UsageError(`unknown command: ${command}`);
	}
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
		process.stderr.write(`photo-archivist: ${describeError(error)}\n${usage ? "\n" + USAGE + "\n" : ""}`);
		process.exitCode = usage ? 2 : 1;
	},
);
