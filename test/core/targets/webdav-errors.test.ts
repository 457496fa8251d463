// What each server answer and each network failure becomes: the code that decides retries, and the words the user reads.
import { describe, expect, it } from "vitest";
import type { TargetErrorCode } from "../../../src/core/model/target-error";
import { parseRetryAfter } from "../../../src/core/targets/retry-after";
import { statusFailure, transportFailure } from "../../../src/core/targets/webdav-errors";

const context = { action: "uploading a.jpg", now: () => Date.UTC(2024, 0, 1, 12, 0, 0) };
const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });
const systemError = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe("statusFailure", () => {
	it.each<[number, TargetErrorCode, RegExp]>([
		[401, "auth", /^The server refused the user name or password\.$/],
		[403, "auth", /403 Forbidden.*no permission/],
		[507, "no-space", /no space left \(507 Insufficient Storage\)/],
		[404, "not-found", /Not found on the server while uploading a\.jpg \(404\)/],
		[409, "not-found", /\(409\)/],
		[412, "exists", /already there/],
		[408, "transient", /408/],
		[423, "transient", /locked/],
		[429, "transient", /too many requests/],
		[500, "transient", /busy or failing/],
		[502, "transient", /502/],
		[503, "transient", /503/],
		[504, "transient", /504/],
		[501, "refused", /refused the request \(501\)/],
		[505, "refused", /505/],
		[400, "refused", /refused the request \(400\)/],
		[405, "refused", /405/],
		[413, "refused", /too large/],
		[301, "refused", /redirected.*check the URL/],
	])("%i is %s", (status, code, message) => {
		const error = statusFailure(status, undefined, context);
		expect(error.code).toBe(code);
		expect(error.message).toMatch(message);
		expect(error.details.status).toBe(status);
	});

	it("says what a 404 means where the caller knows (a missing folder)", () => {
		expect(statusFailure(409, undefined, { ...context, notFound: "The folder /photos does not exist on the server." }).message).toBe(
			"The folder /photos does not exist on the server.",
		);
	});

	it("carries Retry-After in seconds and as an HTTP date", () => {
		expect(statusFailure(503, headers({ "retry-after": "120" }), context).details.retryAfterMs).toBe(120_000);
		expect(statusFailure(429, headers({ "retry-after": "Mon, 01 Jan 2024 12:00:30 GMT" }), context).details.retryAfterMs).toBe(30_000);
		expect(statusFailure(503, headers({}), context).details.retryAfterMs).toBeUndefined();
	});

	it("names where a redirect points", () => {
		expect(statusFailure(302, headers({ location: "https://nas/login" }), context).message).toContain("to https://nas/login");
	});

	it("only auth, no-space and tls stop a whole target", () => {
		expect([401, 403, 507].map((s) => statusFailure(s, undefined, context).stopsTarget)).toEqual([true, true, true]);
		expect([404, 412, 429, 500, 400].map((s) => statusFailure(s, undefined, context).stopsTarget)).toEqual([false, false, false, false, false]);
	});
});

describe("transportFailure", () => {
	it.each<[string, unknown, TargetErrorCode, RegExp]>([
		["a reset connection", systemError("ECONNRESET", "socket hang up"), "transient", /connection to the server failed.*ECONNRESET/],
		["a broken pipe", systemError("EPIPE"), "transient", /EPIPE/],
		["a refused connection", systemError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1"), "transient", /refused the connection.*address and port/],
		["an unknown host", systemError("ENOTFOUND", "getaddrinfo ENOTFOUND nas.local"), "transient", /name could not be found/],
		["a fetch error wrapping its cause", Object.assign(new Error("fetch failed"), { cause: systemError("ECONNRESET") }), "transient", /ECONNRESET/],
		["a self-signed certificate", systemError("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"), "tls", /certificate is not trusted/],
		["an expired certificate", systemError("CERT_HAS_EXPIRED"), "tls", /CERT_HAS_EXPIRED/],
		["a wrong host name on the certificate", systemError("ERR_TLS_CERT_ALTNAME_INVALID"), "tls", /not trusted/],
		["Electron's certificate error", new Error("net::ERR_CERT_AUTHORITY_INVALID"), "tls", /not trusted/],
		["Electron's refused connection", new Error("net::ERR_CONNECTION_REFUSED"), "transient", /refused the connection/],
		["Electron's lost network", new Error("net::ERR_INTERNET_DISCONNECTED"), "transient", /ERR_INTERNET_DISCONNECTED/],
	])("%s", (_name, error, code, message) => {
		const failure = transportFailure(error, context);
		expect(failure.code).toBe(code);
		expect(failure.message).toMatch(message);
		expect(failure.cause).toBe(error);
	});

	it("a cancelled request is cancelled, whatever the transport threw", () => {
		expect(transportFailure(systemError("ECONNRESET"), { ...context, cancelled: true }).code).toBe("cancelled");
	});

	it("a request ended by its deadline says how long it waited", () => {
		const failure = transportFailure(new Error("aborted"), { ...context, timedOutAfterSeconds: 60 });
		expect(failure.code).toBe("transient");
		expect(failure.message).toBe("The server did not answer within 60 seconds (uploading a.jpg).");
	});
});

describe("parseRetryAfter", () => {
	const now = Date.UTC(2024, 0, 1, 12, 0, 0);
	it.each<[string | null, number | undefined]>([
		["0", 0],
		["5", 5000],
		[" 30 ", 30_000],
		["Mon, 01 Jan 2024 12:01:00 GMT", 60_000],
		["Mon, 01 Jan 2024 11:00:00 GMT", 0],
		["soon", undefined],
		["-1", undefined],
		[null, undefined],
	])("%s → %s ms", (value, ms) => {
		expect(parseRetryAfter(value, now)).toBe(ms);
	});
});
