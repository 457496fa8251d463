/**
 * The engine's peers on S3: `rclone copy --transfers P` to an on-the-fly `:s3:` remote (--s3-provider Ceph),
 * and the gateway's practical ceiling, `curl --aws-sigv4` PUTs, P curl processes at once as on WebDAV.
 * Keys go through the environment or a chmod-600 config file, never on a command line.
 */
import { curlQuoted, runCurlBatches, writeCurlBatches } from "./backup-curl-run";
import type { RcloneRun } from "./backup-rclone-run";
import type { SetFile } from "./backup-set";
import { timeProcess, type ProcessRun } from "./external-runs";

export interface S3Place {
	endpoint: string;
	bucket: string;
	accessKey: string;
	secretKey: string;
}

const strict = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * rclone's S3 backend configured by environment alone; AWS_CA_BUNDLE is dropped because rclone 1.60 fails
 * with LoadCustomCABundleError whenever it is set (even for plain http).
 */
function rcloneEnv(s3: S3Place): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	delete env.AWS_CA_BUNDLE;
	return { ...env, RCLONE_S3_ENDPOINT: s3.endpoint, RCLONE_S3_ACCESS_KEY_ID: s3.accessKey, RCLONE_S3_SECRET_ACCESS_KEY: s3.secretKey };
}

/** Copies `photosFolder` to `<bucket>/<prefix>/Photos`, the same keys as the engine's mirror layout under its prefix. */
export async function runRcloneS3(photosFolder: string, s3: S3Place, prefix: string, configFile: string, parallel: number): Promise<RcloneRun> {
	const run = await timeProcess("rclone", [
		"copy", photosFolder, `:s3:${s3.bucket}/${prefix}/Photos`,
		"--transfers", String(parallel),
		"--s3-provider", "Ceph",
		"--config", configFile,
		// -v prints the closing statistics, where the count of files transferred is read.
		"-v",
	], false, rcloneEnv(s3));
	if (run.exitCode !== 0) throw new Error(`rclone copy (s3) exited with ${run.exitCode}: ${run.stderr.trim().slice(-800)}`);
	const counts = [...run.stderr.matchAll(/Transferred:\s+(\d+) \/ (\d+), /g)].pop();
	return { ...run, transferred: counts ? Number(counts[1]) : null };
}

/**
 * PUTs every file to `<endpoint>/<bucket>/<prefix>/Photos/<relative>` (path-style), one request each with
 * an unsigned payload: no checksum, no check before writing, no multipart. The configs are written before timing.
 */
export async function runCurlS3(files: readonly SetFile[], s3: S3Place, prefix: string, parallel: number, scratch: string): Promise<ProcessRun> {
	const base = `${s3.endpoint}/${strict(s3.bucket)}/${prefix.split("/").map(strict).join("/")}/Photos/`;
	const settings = [
		`user = ${curlQuoted(`${s3.accessKey}:${s3.secretKey}`)}`,
		`aws-sigv4 = "aws:amz:us-east-1:s3"`,
		`header = "x-amz-content-sha256: UNSIGNED-PAYLOAD"`,
	];
	const list = await writeCurlBatches(files, (f) => base + f.relative.split("/").map(strict).join("/"), settings, scratch, "curl-s3");
	return runCurlBatches(list, parallel);
}
