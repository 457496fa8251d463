/**
 * Runs this same bundle again in a child mode and reads the one JSON line the child prints last, so each
 * measurement has a process of its own: its peak memory and heap are its own, not the benchmark's.
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface ChildRun<T> {
	result: T;
	/** Spawn to exit, measured by the parent: includes Node's start-up and loading the bundle. */
	wallMs: number;
}

/** `node [nodeFlags] <bundle> [args]`; rejects when the child fails or prints no JSON line. */
export function runJsonChild<T>(bundle: string, args: string[], nodeFlags: string[] = [], env?: NodeJS.ProcessEnv): Promise<ChildRun<T>> {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(process.execPath, [...nodeFlags, bundle, ...args], {
			stdio: ["ignore", "pipe", "pipe"],
			env: env ?? process.env,
		});
		let out = "";
		let err = "";
		child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
		child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
		child.on("error", reject);
		child.on("close", (code) => {
			const wallMs = performance.now() - start;
			const line = out.trim().split("\n").pop() ?? "";
			if (code !== 0 || !line.startsWith("{")) {
				reject(new Error(`${args[0] ?? "child"} exited with ${code}: ${err.trim().slice(-2000) || out.trim().slice(-2000) || "no output"}`));
				return;
			}
			if (err.trim() !== "") process.stderr.write(`  (${args[0] ?? "child"} said: ${err.trim().split("\n").slice(0, 5).join(" | ")})\n`);
			resolve({ result: JSON.parse(line) as T, wallMs });
		});
	});
}
