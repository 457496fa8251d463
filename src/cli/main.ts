/** The photo-archivist command line: the same engine as the plugin, over Node's file system. */
import { parseArgs } from "node:util";
import { describeError } from "../core/model/errors";
import { backupCommand } from "./commands/backup-command";
import { indexCommand } from "./commands/index-command";
import { inspectCommand } from "./commands/inspect-command";
import { targetCommand } from "./commands/target-command";
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
