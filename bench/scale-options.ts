/** The command line of `npm run bench:scale`: which library sizes, whether to reuse an earlier cold index, where profiles go. */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { BenchUsageError } from "./bench-options";

export interface ScaleOptions {
	sizes: number[];
	corpus: string;
	/** Skip the cold index where the cached vault already holds an index from an earlier run. */
	reuse: boolean;
	/** Folder for CPU profiles of every child process (node --cpu-prof), or null. */
	profileDir: string | null;
}

export const DEFAULT_SIZES = [1_000, 10_000, 100_000];

export const SCALE_USAGE = `Usage: npm run bench:scale -- [--n 1000,10000,100000] [--reuse] [--profile DIR]

  --n N[,N…]     library sizes to measure (default 1000,10000,100000); each is built once and
                 cached in $TMPDIR/photo-archivist-scale-<N> (delete that folder to rebuild it)
  --reuse        keep the notes and index of an earlier run instead of timing a cold index again
  --profile DIR  write CPU profiles of every child process into DIR (open them in Chrome DevTools)
Corpus: $PHOTO_ARCHIVIST_CORPUS, or ../shared/photos next to the repository.
Apache (apt-get install apache2) is needed for the quick-verify figures; without it they are left out.`;

function sizesOf(text: string): number[] {
	const sizes = text.split(",").map((part) => part.trim().replace(/_/g, ""));
	if (sizes.some((s) => !/^\d+$/.test(s) || Number(s) < 10)) {
		throw new BenchUsageError(`--n takes whole numbers of photos, at least 10, separated by commas (got "${text}")`);
	}
	return [...new Set(sizes.map(Number))].sort((a, b) => a - b);
}

export function parseScaleOptions(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string): ScaleOptions {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { n: { type: "string" }, reuse: { type: "boolean", default: false }, profile: { type: "string" } },
	});
	if (positionals.length > 0) throw new BenchUsageError(`unexpected argument: ${positionals[0]}`);
	return {
		sizes: values.n !== undefined ? sizesOf(values.n) : DEFAULT_SIZES,
		corpus: resolve(repoRoot, env.PHOTO_ARCHIVIST_CORPUS || "../shared/photos"),
		reuse: values.reuse ?? false,
		profileDir: values.profile ? resolve(values.profile) : null,
	};
}
