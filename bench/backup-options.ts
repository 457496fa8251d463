/** The backup benchmark's command line: how many photos, how big the one large video is, how many uploads at once, whether S3 runs too. */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { BenchUsageError } from "./bench-options";

export interface BackupBenchOptions {
	n: number;
	/** Size of the one large video added to the set, in MB (10^6 bytes); 0 leaves it out. */
	bigMb: number;
	/** Uploads at once for every contestant: the engine's --concurrency, rclone's --transfers, curl's xargs -P. */
	parallel: number;
	corpus: string;
	keep: boolean;
	/** Folder for CPU profiles of the engine's first runs (node --cpu-prof), or null. */
	profileDir: string | null;
	/** Run the S3 part (a Ceph gateway) too; false with --no-s3. */
	s3: boolean;
}

export const BACKUP_USAGE = `Usage: npm run bench:backup -- [--n 2000] [--big-mb 2048] [--parallel 4] [--keep] [--profile DIR] [--no-s3]

  --n N          distinct photos made from the corpus (default: $BENCH_N or 2000)
  --big-mb MB    add one QuickTime video of this many MB (default 2048; 0 leaves it out)
  --parallel P   uploads at once, the same for the engine, rclone and curl (default 4)
  --keep         keep the temporary vault and print where it is
  --profile DIR  write CPU profiles of the engine's first runs into DIR (backup-first, backup-crypt-first
                 and backup-s3-first .cpuprofile)
  --no-s3        leave out the S3 part (a one-node Ceph gateway holding the set in memory)
Needs apache2 (with mod_dav), rclone and curl; the S3 part needs radosgw (apt-get install ceph-mon ceph-osd
radosgw ceph-common) and ../shared/servers/ceph-s3.sh, and is skipped, saying so, without them.
Corpus: $PHOTO_ARCHIVIST_CORPUS, or ../shared/photos.`;

function wholeNumber(text: string, from: string, min: number): number {
	if (!/^\d+$/.test(text.trim()) || Number(text) < min) {
		throw new BenchUsageError(`${from} must be a whole number, at least ${min} (got "${text}")`);
	}
	return Number(text);
}

export function parseBackupBenchOptions(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string): BackupBenchOptions {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			n: { type: "string" },
			"big-mb": { type: "string" },
			parallel: { type: "string" },
			keep: { type: "boolean", default: false },
			profile: { type: "string" },
			"no-s3": { type: "boolean", default: false },
		},
	});
	if (positionals.length > 0) throw new BenchUsageError(`unexpected argument: ${positionals[0]}`);
	const n = values.n !== undefined ? wholeNumber(values.n, "--n", 1) : env.BENCH_N ? wholeNumber(env.BENCH_N, "BENCH_N", 1) : 2000;
	const parallel = values.parallel !== undefined ? wholeNumber(values.parallel, "--parallel", 1) : 4;
	if (parallel > 16) throw new BenchUsageError(`--parallel is at most 16, the engine's limit (got ${parallel})`);
	return {
		n,
		bigMb: values["big-mb"] !== undefined ? wholeNumber(values["big-mb"], "--big-mb", 0) : 2048,
		parallel,
		corpus: resolve(repoRoot, env.PHOTO_ARCHIVIST_CORPUS || "../shared/photos"),
		keep: values.keep ?? false,
		profileDir: values.profile ? resolve(values.profile) : null,
		s3: values["no-s3"] !== true,
	};
}
