// The retrying decorator over a scripted inner target: what is tried again, how long it waits, what it reports.
import { describe, expect, it } from "vitest";
import { TargetError, type TargetErrorCode } from "../../../src/core/model/target-error";
import type { RemoteFile, Target, UploadBody, UploadOptions } from "../../../src/core/ports/target";
import { retrying, type RetryInfo } from "../../../src/core/targets/retrying-target";

type Step = TargetError | "ok" | { sendThenFail: number; error: TargetError };

/** A target whose put and stat follow a script, one step per call; it counts calls and body opens. */
function scripted(steps: Step[]) {
	const calls: string[] = [];
	let opens = 0;
	const next = (): Step => steps.shift() ?? "ok";
	const inner: Target = {
		capabilities: { quota: false, resumableUpload: false },
		async stat(path) {
			calls.push("stat");
			const step = next();
			if (step instanceof TargetError) throw step;
			return { path, size: 1 };
		},
		async list() {
			calls.push("list");
			return { files: [], folders: [] };
		},
		async put(path: string, body: UploadBody, options?: UploadOptions): Promise<RemoteFile> {
			calls.push("put");
			const step = next();
			let sent = 0;
			opens++;
			for await (const chunk of body.open()) {
				if (typeof step === "object" && "sendThenFail" in step && sent + chunk.length > step.sendThenFail) {
					options?.onBytes?.(step.sendThenFail - sent);
					throw step.error;
				}
				sent += chunk.length;
				options?.onBytes?.(chunk.length);
			}
			if (step instanceof TargetError) throw step;
			return { path, size: body.size };
		},
		move: async () => void calls.push("move"),
		read: async () => new Uint8Array(0),
		remove: async () => void calls.push("remove"),
		quota: async () => null,
	};
	return { inner, calls, opens: () => opens };
}

const body = (size: number): UploadBody => ({
	size,
	async *open() {
		for (let at = 0; at < size; at += 100) yield new Uint8Array(Math.min(100, size - at));
	},
});

const transient = (retryAfterMs?: number): TargetError => new TargetError("transient", "dropped", { retryAfterMs });

function policy(extra: Parameters<typeof retrying>[1] = {}) {
	const slept: number[] = [];
	const retries: RetryInfo[] = [];
	return {
		slept,
		retries,
		policy: { sleep: async (ms: number) => void slept.push(ms), onRetry: (info: RetryInfo) => retries.push(info), random: () => 0, ...extra },
	};
}

describe("retrying", () => {
	it("tries transient failures again with doubling waits, opening the body afresh each time", async () => {
		const { inner, calls, opens } = scripted([transient(), transient(), transient(), "ok"]);
		const { slept, retries, policy: p } = policy();
		expect(await retrying(inner, p).put("a.jpg", body(250))).toEqual({ path: "a.jpg", size: 250 });
		expect(calls).toEqual(["put", "put", "put", "put"]);
		expect(opens()).toBe(4);
		expect(slept).toEqual([500, 1000, 2000]);
		expect(retries.map((r) => [r.operation, r.path, r.attempt])).toEqual([
			["put", "a.jpg", 1],
			["put", "a.jpg", 2],
			["put", "a.jpg", 3],
		]);
	});

	it("gives up after the last attempt with the last error", async () => {
		const { inner, calls } = scripted([transient(), transient(), transient()]);
		const { slept, policy: p } = policy({ attempts: 3 });
		await expect(retrying(inner, p).stat("a.jpg")).rejects.toMatchObject({ code: "transient" });
		expect(calls).toHaveLength(3);
		expect(slept).toHaveLength(2);
	});

	it("caps the backoff and jitters it by up to a half", async () => {
		const { inner } = scripted([transient(), transient(), transient(), transient()]);
		const { slept, policy: p } = policy({ baseDelayMs: 1000, maxDelayMs: 3000, random: () => 0.5 });
		await retrying(inner, p).stat("x");
		expect(slept).toEqual([750, 1500, 2250, 2250]);
	});

	it("honours Retry-After, up to its cap", async () => {
		const { inner } = scripted([transient(7000), transient(10 * 60_000), "ok"]);
		const { slept, policy: p } = policy({ maxRetryAfterMs: 60_000 });
		await retrying(inner, p).stat("x");
		expect(slept).toEqual([7000, 60_000]);
	});

	it.each<TargetErrorCode>(["auth", "no-space", "tls", "refused", "exists", "not-found", "cancelled"])("never retries %s", async (code) => {
		const { inner, calls } = scripted([new TargetError(code, code)]);
		const { slept, policy: p } = policy();
		await expect(retrying(inner, p).put("a.jpg", body(10))).rejects.toMatchObject({ code });
		expect(calls).toEqual(["put"]);
		expect(slept).toEqual([]);
	});

	it("never retries what is not a target failure (a photo that changed, a local read error)", async () => {
		const inner = scripted([]).inner;
		const failing: Target = { ...inner, put: () => Promise.reject(new Error("the file changed")) };
		const { slept, policy: p } = policy();
		await expect(retrying(failing, p).put("a.jpg", body(10))).rejects.toThrow("the file changed");
		expect(slept).toEqual([]);
	});

	it("reports each byte once when an attempt sends some again", async () => {
		const { inner } = scripted([{ sendThenFail: 150, error: transient() }, { sendThenFail: 80, error: transient() }, "ok"]);
		const { policy: p } = policy();
		const reported: number[] = [];
		await retrying(inner, p).put("a.jpg", body(300), { onBytes: (n) => reported.push(n) });
		expect(reported.reduce((a, b) => a + b, 0)).toBe(300);
		expect(reported.every((n) => n > 0)).toBe(true);
	});

	it("stops waiting when cancelled, and tries nothing more", async () => {
		const { inner, calls } = scripted([transient(), transient()]);
		const controller = new AbortController();
		const sleep = (): Promise<void> => {
			controller.abort();
			return Promise.reject(new TargetError("cancelled", "Cancelled."));
		};
		await expect(retrying(inner, { sleep }).stat("a", controller.signal)).rejects.toMatchObject({ code: "cancelled" });
		expect(calls).toEqual(["stat"]);
	});

	it("waits for real by default, and a cancel cuts the wait short", async () => {
		const { inner, calls } = scripted([transient(), transient()]);
		const controller = new AbortController();
		const target = retrying(inner, { baseDelayMs: 60_000, onRetry: () => queueMicrotask(() => controller.abort()) });
		await expect(target.stat("a", controller.signal)).rejects.toMatchObject({ code: "cancelled" });
		expect(calls).toEqual(["stat"]);
	});

	it("passes capabilities and the other operations through", async () => {
		const { inner, calls } = scripted([]);
		const target = retrying(inner);
		expect(target.capabilities).toBe(inner.capabilities);
		await target.move("a", "b");
		await target.remove("b");
		expect(await target.quota()).toBeNull();
		expect(calls).toEqual(["move", "remove"]);
	});
});
