/** The S3 rows of the backup benchmark's table, against issue 8's goals, and what they measured. */
import type { S3Figures } from "./backup-s3";
import { met, peakKb, peakRow, type ReportRow, seconds, speed, times } from "./backup-table-format";
import type { ProcessRun } from "./external-runs";
import { RESCAN_RUNS } from "./report-table";

/** At least rclone's throughput (rclone takes at least as long), within 1.3× of curl's time. */
const GOALS = { ofCeiling: 1.3, overRclone: 1 } as const;

export function s3Rows(f: S3Figures, bytes: number, parallel: number): ReportRow[] {
	const ofCeiling = f.engine.wallMs / f.curl.wallMs;
	const overRclone = f.rclone.wallMs / f.engine.wallMs;
	const noopRatio = f.rcloneNoop.wallMs / f.engineNoop.wallMs;
	return [
		["**S3 (Ceph RADOS Gateway)**", "", "", "", "", ""],
		["(e) this engine, first run", seconds(f.engine.wallMs), speed(bytes, f.engine.wallMs), `${times(ofCeiling)} (g)'s time`, `≤ ${GOALS.ofCeiling}× (g)`, met(ofCeiling <= GOALS.ofCeiling)],
		[`(f) rclone copy --transfers ${parallel}, first run`, seconds(f.rclone.wallMs), speed(bytes, f.rclone.wallMs), `${times(overRclone)} (e)'s time`, `≥ ${GOALS.overRclone}× (e)`, met(overRclone >= GOALS.overRclone)],
		[`(g) curl --aws-sigv4, ${parallel} at once (ceiling)`, seconds(f.curl.wallMs), speed(bytes, f.curl.wallMs), "", "", ""],
		["(e) this engine, no-op run", seconds(f.engineNoop.wallMs), "", `(f) takes ${times(noopRatio)}`, "", ""],
		["(f) rclone, no-op run", seconds(f.rcloneNoop.wallMs), "", "", "", ""],
		peakRow("peak RSS of (e)", peakKb(f.engine, f.engineNoop)),
	];
}

export function s3CpuLine(f: S3Figures): string {
	const cpu = (run: ProcessRun): string => (run.cpuMs === null ? "?" : `${(run.cpuMs / 1000).toFixed(1)} s`);
	const rss = (run: ProcessRun): string => (run.maxRssKb === null ? "?" : `${Math.round((run.maxRssKb * 1024) / 1e6)} MB`);
	return `S3 client CPU time: (e) ${cpu(f.engine)}, (f) ${cpu(f.rclone)}, (g) ${cpu(f.curl)}; no-op (e) ${cpu(f.engineNoop)}, (f) ${cpu(f.rcloneNoop)}. ` +
		`Peak RSS: (e) ${rss(f.engine)}, (f) ${rss(f.rclone)}. Load average ${f.load.toFixed(2)} when (e) began.`;
}

export const S3_NOTES = `- S3: one Ceph cluster (one monitor, one OSD on memstore, so objects live in RAM; radosgw with the beast
  front end, http on 127.0.0.1), started by ../shared/servers/ceph-s3.sh after the WebDAV part; one bucket,
  each contestant under its own prefix; every copy is listed and checked (every key, every size), then
  deleted and the gateway's garbage collected before the next contestant starts.
- (e): \`backup --target bench-s3\` to a path-style S3 target (keys from the environment): HEAD before each
  new key, single PUT with a signed SHA-256 payload below 16 MiB, multipart above (16 MiB parts, 4 at once,
  each signed with its SHA-256), the ETag recorded; notes and manifest as in (a). No-op: median of ${RESCAN_RUNS} runs.
- (f): \`rclone copy <vault>/Photos :s3:BUCKET/rclone/Photos --transfers P --s3-provider Ceph\`, endpoint
  and keys from RCLONE_S3_* variables (AWS_CA_BUNDLE unset); its defaults: single PUT below 200 MiB,
  multipart above (5 MiB chunks, 4 at once). No-op: median of ${RESCAN_RUNS} runs.
- (g): \`xargs -P\` over curl processes, each PUTting a batch of files with \`--aws-sigv4 aws:amz:us-east-1:s3\`
  and an unsigned payload (no checksum, no check before writing, one PUT even for the large video).`;
