/** The backup benchmark's result: one Markdown table against the issues' goals, and the facts needed to read it. */
import { cpus } from "node:os";
import type { EngineRun } from "./backup-engine-run";
import type { CurlRun } from "./backup-curl-run";
import type { RcloneRun } from "./backup-rclone-run";
import type { S3Outcome } from "./backup-s3";
import { S3_NOTES, s3CpuLine, s3Rows } from "./backup-s3-report";
import { megabytes, met, peakKb, peakRow, type ReportRow, seconds, speed, times } from "./backup-table-format";
import type { ProcessRun } from "./external-runs";
import { RESCAN_RUNS } from "./report-table";

export interface BackupFigures {
	files: number;
	bytes: number;
	bigBytes: number;
	parallel: number;
	engine: EngineRun;
	/** The engine to an encrypted target on the same server: throughput as a ratio of `engine`'s. */
	crypt: EngineRun;
	rclone: RcloneRun;
	curl: CurlRun;
	engineNoop: EngineRun;
	rcloneNoop: RcloneRun;
	s3: S3Outcome;
}

export interface BackupFacts {
	versions: string[];
	/** One-minute load average when the timed part began. */
	load: number;
}

const GOALS = { ofCeiling: 1.3, overRclone: 3 } as const;

function rows(f: BackupFigures): ReportRow[] {
	const p = f.parallel;
	const ofCeiling = f.engine.wallMs / f.curl.wallMs;
	const overRclone = f.rclone.wallMs / f.engine.wallMs;
	const noopRatio = f.rcloneNoop.wallMs / f.engineNoop.wallMs;
	const peak = peakKb(f.engine, f.engineNoop);
	const cryptSpeed = f.engine.wallMs / f.crypt.wallMs;
	return [
		["**WebDAV (Apache)**", "", "", "", "", ""],
		["(a) this engine, first run", seconds(f.engine.wallMs), speed(f.bytes, f.engine.wallMs), `${times(ofCeiling)} (c)'s time`, `≤ ${GOALS.ofCeiling}× (c)`, met(ofCeiling <= GOALS.ofCeiling)],
		[`(b) rclone copy --transfers ${p}, first run`, seconds(f.rclone.wallMs), speed(f.bytes, f.rclone.wallMs), `${times(overRclone)} (a)'s time`, `≥ ${GOALS.overRclone}× (a)`, met(overRclone >= GOALS.overRclone)],
		[`(c) curl -T, ${p} at once (ceiling)`, seconds(f.curl.wallMs), speed(f.bytes, f.curl.wallMs), "", "", ""],
		["(d) this engine, encrypted target, first run", seconds(f.crypt.wallMs), speed(f.bytes, f.crypt.wallMs), `${times(cryptSpeed)} (a)'s speed`, "", ""],
		["(a) this engine, no-op run", seconds(f.engineNoop.wallMs), "", `(b) takes ${times(noopRatio)}`, "faster than (b)", met(noopRatio > 1)],
		["(b) rclone, no-op run", seconds(f.rcloneNoop.wallMs), "", "", "", ""],
		peakRow("peak RSS of (a)", peak),
		peakRow("peak RSS of (d)", peakKb(f.crypt)),
		...(f.s3.ran ? s3Rows(f.s3.figures, f.bytes, p) : []),
	];
}

function markdownTable(header: ReportRow, body: readonly ReportRow[]): string {
	const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]?.length ?? 0)));
	const line = (cells: readonly string[]): string => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`;
	return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/** User + system CPU of each client process: on a machine of two cores the server competes with the client. */
function cpuLine(f: BackupFigures): string {
	const cpu = (run: ProcessRun): string => (run.cpuMs === null ? "?" : `${(run.cpuMs / 1000).toFixed(1)} s`);
	const rss = (run: ProcessRun): string => (run.maxRssKb === null ? "?" : megabytes(run.maxRssKb));
	return `Client CPU time (user + system): (a) ${cpu(f.engine)}, (d) ${cpu(f.crypt)}, (b) ${cpu(f.rclone)}, (c) ${cpu(f.curl)} (xargs and all its curls); ` +
		`no-op (a) ${cpu(f.engineNoop)}, (b) ${cpu(f.rcloneNoop)}. Peak RSS: (a) ${rss(f.engine)}, (d) ${rss(f.crypt)}, no-op (a) ${rss(f.engineNoop)}, ` +
		`(b) ${rss(f.rclone)}.`;
}

const MEASUREMENT_NOTES = `Measured:
- every contestant uploads into its own empty folder of the same Apache 2.4 mod_dav server (basic auth,
  http on 127.0.0.1); the no-op runs go to the folders of the first runs (median of ${RESCAN_RUNS} runs each).
  Times are wall times of the whole process, start-up included; \`sync\` runs between the first runs, so
  none pays for another's disk write-back.
- (a): \`node dist/cli.cjs backup <vault> --target bench --json --no-index\` after \`target add\` and an index
  (not timed); temporary name, MOVE, PROPFIND size check per file, notes updated, manifest kept locally and on
  the server.
- (d): the same to an encrypted target (\`--encrypt\`, rclone crypt format: scrypt once per run, XSalsa20-Poly1305
  per 64 KiB block, EME names) in its own empty folder, right after (a); its copy is then read back through
  \`rclone lsf\` with a crypt remote of the same passphrase (every name decrypts, every size matches).
- (b): \`rclone copy <vault>/Photos :webdav:Photos\` with an on-the-fly remote (--webdav-vendor other).
  Its WebDAV backend spaces requests at least 10 ms apart (a fixed pacer) and sends PROPFIND, MKCOL and PUT
  per file (counted with --dump headers), so it needs about 30 ms a file whatever the server.
- (c): MKCOL of every folder, then \`xargs -P\` over curl processes, each PUTting a batch of files
  (\`curl -K\`, one \`upload-file\` per file, one connection reused).
- After each first run, every file is checked on the server's disk (present, same size).
- peak RSS: GNU time -v of the engine's Node process (the highest of all (a)'s runs; of (e)'s likewise;
  (d) runs once). The goal, < 300 MB, is the engine's whatever the file sizes. 1 MB = 10^6 bytes.`;

export function formatBackupReport(f: BackupFigures, facts: BackupFacts): string {
	const cpu = cpus();
	const big = f.bigBytes > 0 ? `, one of them a ${(f.bigBytes / 1e9).toFixed(2)} GB video` : "";
	return [
		markdownTable(["", "time", "speed", "ratio", "goal", "met?"], rows(f)),
		"",
		`Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? "unknown"}), Node ${process.version}, ` +
			`${process.platform} ${process.arch}; ${facts.versions.join(", ")}; load average ${facts.load.toFixed(2)} when timing began`,
		`Set: ${f.files.toLocaleString("en-US")} files, ${f.bytes.toLocaleString("en-US")} bytes (${(f.bytes / 1e6).toFixed(0)} MB)${big}; ` +
			`${f.parallel} uploads at once for every contestant`,
		cpuLine(f),
		f.s3.ran ? s3CpuLine(f.s3.figures) : `S3 part not run: ${f.s3.reason}.`,
		"",
		MEASUREMENT_NOTES,
		...(f.s3.ran ? [S3_NOTES] : []),
	].join("\n");
}
