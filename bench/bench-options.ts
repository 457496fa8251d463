/** The benchmark's command line: how many photos, where the corpus is, what to keep. */
import { resolve } from "node:path";
import { parseArgs } from "node:util";

export interface BenchOptions {
	n: number;
	corpus: string;
	keep: boolean;
	/** Folder for CPU profiles of the cold index and the rescan (node --cpu-prof), or null. */
	profileDir: string | null;
}

export const USAGE = `Usage: npm run bench:index -- [--n 10000] [--keep] [--profile DIR]

  --n N          photos to make (default: $BENCH_N or 10000)
  --keep         keep the temporary vault and print where it is
  --profile DIR  write CPU profiles of the cold index and the rescan into DIR
                 (cold-index.cpuprofile, rescan.cpuprofile; open them in Chrome DevTools)
Corpus: $PHOTO_ARCHIVIST_CORPUS, or ../shared/photos next to the repository.`;

export class BenchUsageError extends Error {}

function count(text: string, from: string): number {
	if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
		throw new BenchUsageError(`${from} must be a whole number of photos, at least 1 (got "${text}")`);
	}
	return Number(text);
}

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string): BenchOptions {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { n: { type: "string" }, keep: { type: "boolean", default: false }, profile: { type: "string" } },
	});
	if (positionals.length > 0) throw new BenchUsageError(`unexpected argument: ${positionals[0]}`);
	const n = values.n !== undefined ? count(values.n, "--n") : env.BENCH_N ? count(env.BENCH_N, "BENCH_N") : 10_000;
	return {
		n,
		corpus: resolve(repoRoot, env.PHOTO_ARCHIVIST_CORPUS || "../shared/photos"),
		keep: values.keep ?? false,
		profileDir: values.profile ? resolve(values.profile) : null,
	};
}
