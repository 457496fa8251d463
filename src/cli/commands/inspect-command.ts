/** `photo-archivist inspect <file>… [--json]`: the normalized metadata of each file, as the index reads it. */
import { dirname, basename, resolve } from "node:path";
import { NodeFileStore } from "../../adapters/node/node-file-store";
import { readMetadata } from "../../core/metadata/read-metadata";
import { describeError } from "../../core/model/errors";
import { byteSourceOf } from "../../core/index/read-photo";

type Inspected = { file: string } & ({ metadata: unknown } | { error: string });

export async function inspectCommand(files: string[], json: boolean): Promise<number> {
	const results: Inspected[] = [];
	for (const file of files) {
		const absolute = resolve(file);
		const store = new NodeFileStore(dirname(absolute));
		const name = basename(absolute);
		try {
			const entry = await store.stat(name);
			if (!entry) throw new Error("no such file");
			results.push({ file, metadata: await readMetadata(byteSourceOf(store, entry), name, entry.mtimeMs) });
		} catch (error) {
			results.push({ file, error: describeError(error) });
		}
	}
	if (json) {
		process.stdout.write(JSON.stringify(results, null, 2) + "\n");
	} else {
		for (const r of results) {
			process.stdout.write(`${r.file}\n`);
			if ("error" in r) process.stdout.write(`  error: ${r.error}\n`);
			else for (const [k, v] of Object.entries(r.metadata as object)) process.stdout.write(`  ${k}: ${JSON.stringify(v)}\n`);
		}
	}
	// Exit non-zero only when nothing could be inspected at all.
	return results.length > 0 && results.every((r) => "error" in r) ? 1 : 0;
}
