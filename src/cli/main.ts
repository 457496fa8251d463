/** The photo-archivist command line: the same engine as the plugin, over Node's file system. */
import { parseArgs } from "node:util";
import { describeError } from "../core/model/errors";
import { indexCommand } from "./commands/index-command";
import { inspectCommand } from "./commands/inspect-command";
import { UsageError } from "./vault";

const USAGE = `Usage:
  photo-archivist index <vault> [--json] [--config-dir DIR]
  photo-archivist inspect <file>... [--json]

index    Index the vault's photo folders (from the plugin's settings, or the defaults)
         and write one note per photo. Exit status 0 even when some files failed;
         they are listed with their reasons.
inspect  Print the normalized metadata of each file, as the index reads it.`;

export async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	if (!command || command === "--help" || command === "-h" || command === "help") {
		process.stdout.write(USAGE + "\n");
		return command ? 0 : 2;
	}
	const { values, positionals } = parseArgs({
		args: rest,
		allowPositionals: true,
		options: { json: { type: "boolean", default: false }, "config-dir": { type: "string" } },
	});
	switch (command) {
		case "index":
			if (positionals.length !== 1) throw new UsageError("index takes exactly one vault folder");
			return indexCommand(positionals[0] as string, values.json ?? false, values["config-dir"]);
		case "inspect":
			if (positionals.length === 0) throw new UsageError("inspect takes one or more files");
			return inspectCommand(positionals, values.json ?? false);
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
