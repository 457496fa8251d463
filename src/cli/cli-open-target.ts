/** How the CLI opens a backup target: Node's HTTP with bodies streamed from disk, node:fs, passwords from env or file. */
import { encodeNodeBody } from "../adapters/node/node-upload-body";
import { createNodeLocalFs } from "../adapters/node/node-local-fs";
import type { OpenTarget } from "../core/backup/backup-types";
import { makeOpenTarget } from "../core/targets/open-target";
import { targetPassword } from "./target-password";

export const openCliTarget: OpenTarget = makeOpenTarget({
	encodeBody: encodeNodeBody,
	localFs: () => Promise.resolve(createNodeLocalFs()),
	password: (config) => targetPassword(config),
});
