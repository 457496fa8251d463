// The WebDAV target against real servers: bytes land on the server's disk intact, atomically, never over another file.
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TargetError } from "../../../src/core/model/target-error";
import { basicAuth, DEFAULT_USER } from "../../servers/dav-server";
import { startFaultProxy } from "../../servers/fault-proxy";
import { bytesBody, generatedBody, sha256Hex, streamSha256 } from "../../servers/upload-bodies";
import { davTarget, diskSha256, SERVER_KINDS, useServer } from "./dav-fixture";

const HOSTILE = ["Photos/2024 trip/IMG #1 (copy).jpg", "Fotos/Été/ümlaut & co%20.heic", "日本/写真 100%.JPG", "a/b/c/d/e'quote;semi.png"];

describe.each(SERVER_KINDS)("WebDAV target on $name", (kind) => {
	const server = useServer(kind);

	describe.skipIf(kind.binary === null)("with the server running", () => {
		it("stores each file byte for byte under its name, creating folders, and reports it", async () => {
			const { target, dir } = await davTarget(server.get());
			for (const [index, path] of HOSTILE.entries()) {
				const body = generatedBody(150_000 + index * 7_919, { seed: index + 1 });
				const sent: number[] = [];
				const stored = await target.put(path, body, { onBytes: (n) => sent.push(n) });
				expect(stored).toMatchObject({ path, size: body.size });
				expect(sent.reduce((a, b) => a + b, 0)).toBe(body.size);
				expect(await diskSha256(join(dir, ...path.split("/")))).toBe(await streamSha256(body));
				expect(await target.stat(path)).toMatchObject({ path, size: body.size });
			}
		});

		it("parallel uploads into the same new folders all land (each folder is made once)", async () => {
			const { target, dir } = await davTarget(server.get());
			const paths = Array.from({ length: 8 }, (_, i) => `2024/06/${i % 2 === 0 ? "a" : "b"}/IMG_${i}.jpg`);
			await Promise.all(paths.map((path, i) => target.put(path, generatedBody(20_000 + i, { seed: i }))));
			for (const [i, path] of paths.entries()) expect(await diskSha256(join(dir, ...path.split("/")))).toBe(await streamSha256(generatedBody(20_000 + i, { seed: i })));
		});

		it("leaves no temporary file behind and lists only what was stored", async () => {
			const { target, dir } = await davTarget(server.get());
			await target.put("2024/a.jpg", bytesBody(new Uint8Array([1, 2, 3])));
			await target.put("2024/b c.jpg", bytesBody(new Uint8Array(10)));
			await target.put("top.jpg", bytesBody(new Uint8Array(4)));
			expect((await readdir(join(dir, "2024"))).sort()).toEqual(["a.jpg", "b c.jpg"]);
			const root = await target.list("");
			expect(root.folders).toEqual(["2024"]);
			expect(root.files.map((f) => [f.path, f.size])).toEqual([["top.jpg", 4]]);
			const year = await target.list("2024");
			expect(year.folders).toEqual([]);
			expect(year.files.map((f) => f.path).sort()).toEqual(["2024/a.jpg", "2024/b c.jpg"]);
			expect(year.files.every((f) => f.etag !== undefined && f.modified !== undefined)).toBe(true);
			expect(await target.list("no/such/folder")).toEqual({ files: [], folders: [] });
		});

		it("never overwrites: a taken name fails as exists, and the other file and no temporary remain", async () => {
			const { target, dir, url } = await davTarget(server.get());
			await target.put("x/first.jpg", bytesBody(new Uint8Array(1)));
			await target.remove("x/first.jpg");
			// Another program's file, put there behind our back.
			const auth = { authorization: basicAuth(server.get().users[0] ?? DEFAULT_USER) };
			expect((await fetch(`${url}x/theirs.jpg`, { method: "PUT", body: "someone else's photo", headers: auth })).status).toBe(201);
			const error = await target.put("x/theirs.jpg", bytesBody(new TextEncoder().encode("ours"))).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(TargetError);
			expect((error as TargetError).code).toBe("exists");
			expect(await readdir(join(dir, "x"))).toEqual(["theirs.jpg"]);
			await target.put("x/ours.jpg", bytesBody(new Uint8Array(3)));
			await expect(target.move("x/ours.jpg", "x/theirs.jpg")).rejects.toMatchObject({ code: "exists" });
			expect((await readdir(join(dir, "x"))).sort()).toEqual(["ours.jpg", "theirs.jpg"]);
		});

		it("asks before sending a large file to a taken name", async () => {
			const s = server.get();
			const proxy = await startFaultProxy(s.url);
			try {
				const { target } = await davTarget(s, { via: proxy.via, resumeThresholdBytes: 1000 });
				await target.put("big.mov", generatedBody(2000));
				proxy.reset();
				await expect(target.put("big.mov", generatedBody(5000, { seed: 2 }))).rejects.toMatchObject({ code: "exists" });
				expect(proxy.count("PUT")).toBe(0);
			} finally {
				await proxy.close();
			}
		});

		it("reads files whole and in ranges, moves them, and removes them (a missing one is fine)", async () => {
			const { target } = await davTarget(server.get());
			const bytes = new Uint8Array(5000).map((_, i) => (i * 13) % 251);
			await target.put("r/file.bin", bytesBody(bytes));
			expect(sha256Hex(await target.read("r/file.bin"))).toBe(sha256Hex(bytes));
			expect(Array.from(await target.read("r/file.bin", { start: 10, end: 20 }))).toEqual(Array.from(bytes.subarray(10, 20)));
			expect((await target.read("r/file.bin", { start: 4990, end: 6000 })).length).toBe(10);
			expect((await target.read("r/file.bin", { start: 7000, end: 8000 })).length).toBe(0);
			await target.move("r/file.bin", "s/t/moved.bin");
			expect(await target.stat("r/file.bin")).toBeNull();
			expect(await target.stat("s/t/moved.bin")).toMatchObject({ size: 5000 });
			await expect(target.read("r/file.bin")).rejects.toMatchObject({ code: "not-found" });
			await target.remove("s/t/moved.bin");
			await target.remove("s/t/moved.bin");
			expect(await target.stat("s/t/moved.bin")).toBeNull();
		});

		it("asks for quota by name and says null when the server does not report it", async () => {
			const proxy = await startFaultProxy(server.get().url);
			try {
				const { target } = await davTarget(server.get(), { via: proxy.via });
				expect(await target.quota()).toBeNull();
				const propfind = proxy.requests.find((r) => r.method === "PROPFIND");
				expect(propfind?.headers.depth).toBe("0");
			} finally {
				await proxy.close();
			}
		});

		it("uploads a large file from a stream without holding it in memory", async () => {
			const { target, dir } = await davTarget(server.get(), { resumeThresholdBytes: Number.MAX_SAFE_INTEGER });
			const size = 96 * 1024 * 1024;
			let maxAhead = 0;
			let sentSoFar = 0;
			const body = generatedBody(size, { seed: 7, onChunk: (handedOut) => (maxAhead = Math.max(maxAhead, handedOut - sentSoFar)) });
			await target.put("big/video.mov", body, { onBytes: (n) => (sentSoFar += n) });
			expect(await diskSha256(join(dir, "big", "video.mov"))).toBe(await streamSha256(generatedBody(size, { seed: 7 })));
			// What was read from the source but not yet sent stays small: the stream is not read ahead whole.
			expect(maxAhead).toBeLessThan(8 * 1024 * 1024);
		});

		it("refuses bad paths with a clear message, before any request", async () => {
			const { target } = await davTarget(server.get());
			for (const path of ["", "/abs.jpg", "a//b.jpg", "../escape.jpg", "a/./b.jpg"]) {
				await expect(target.put(path, bytesBody(new Uint8Array(1)))).rejects.toThrow(/Invalid path on the target/);
			}
		});

		it("a wrong password is an auth error in plain words", async () => {
			const { target } = await davTarget(server.get(), { password: "wrong" });
			await expect(target.list("")).rejects.toMatchObject({ code: "auth", message: "The server refused the user name or password." });
			await expect(target.put("a.jpg", bytesBody(new Uint8Array(1)))).rejects.toMatchObject({ code: "auth" });
		});

		it("writes into a missing root folder fail as not-found, naming the folder", async () => {
			const s = server.get();
			const missing = `${s.url}no-such-folder/`;
			const { target } = await davTarget(s, { via: () => missing });
			await expect(target.put("a.jpg", bytesBody(new Uint8Array(1)))).rejects.toMatchObject({
				code: "not-found",
				message: expect.stringMatching(/The folder \/(dav\/)?no-such-folder does not exist on the server/) as unknown,
			});
			expect(existsSync(join(s.dataDir, "no-such-folder"))).toBe(false);
		});
	});
});
