// One temporary folder per test, removed afterwards (never a folder shared between tests).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";

export async function tempDir(prefix = "pa-"): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), prefix));
	onTestFinished(() => rm(dir, { recursive: true, force: true }));
	return dir;
}
