/** How the CLI opens a backup target: Node's HTTP with bodies streamed from disk, node:fs, secrets from env or file, S3 upload state in the data folder. */
import { createNodeHttpTransport } from "../adapters/node/node-http-transport";
import { encodeNodeBody } from "../adapters/node/node-upload-body";
import { createNodeLocalFs } from "../adapters/node/node-local-fs";
import type { OpenTarget } from "../core/backup/backup-types";
import type { DataStore } from "../core/ports/data-store";
import { makeOpenTarget } from "../core/targets/open-target";
import { targetPassword, targetSecret } from "./target-password";

/**
 * `data` is the vault's plugin data folder, where S3 targets remember unfinished multipart uploads so the
 * next run resumes them; without it they are found on the server instead.
 */
export function cliOpenTarget(data?: DataStore): OpenTarget {
	return makeOpenTarget({
		encodeBody: encodeNodeBody,
		localFs: () => Promise.resolve(createNodeLocalFs()),
		password: (config) => targetPassword(config),
		secret: (config, which) => targetSecret(config, which),
		http: createNodeHttpTransport(),
		data,
	});
}

let withoutData: OpenTarget | undefined;

/** For callers without a vault (benchmarks): targets opened with no data folder. */
export const openCliTarget: OpenTarget = (config) => (withoutData ??= cliOpenTarget())(config);
