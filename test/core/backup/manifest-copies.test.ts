import { describe, expect, it } from "vitest";
import { loadManifest, Manifest, serializeManifest, type ManifestEntry } from "../../../src/core/backup/manifest";
import { MAX_SLICE_ITEMS } from "../../../src/core/util/time-slices";

function entry(remotePath: string, sha256: string, extra: Partial<ManifestEntry> = {}): ManifestEntry {
	return { remotePath, sha256, size: 10, uploadedAt: "2024-07-01T00:00:00.000Z", localPath: remotePath, ...extra };
}

describe("Manifest: copies by content", () => {
	it("finds the first sound copy of a content, one copy or several, faulty ones skipped", () => {
		const m = new Manifest([entry("a.jpg", "A"), entry("b.jpg", "B", { fault: "missing" }), entry("b2.jpg", "B"), entry("c.jpg", "C", { fault: "corrupt" })]);
		expect(m.firstHolding("A")?.remotePath).toBe("a.jpg");
		expect(m.firstHolding("B")?.remotePath).toBe("b2.jpg");
		expect(m.firstHolding("C")).toBeUndefined();
		expect(m.firstHolding("D")).toBeUndefined();
		expect(m.copies("B").map((e) => e.remotePath)).toEqual(["b.jpg", "b2.jpg"]);
		expect(m.holding("B").map((e) => e.remotePath)).toEqual(["b2.jpg"]);
	});

	it("keeps the lists right as entries replace each other at a path", () => {
		const m = new Manifest([entry("x.jpg", "A"), entry("y.jpg", "A")]);
		m.put(entry("x.jpg", "B"));
		expect(m.copies("A").map((e) => e.remotePath)).toEqual(["y.jpg"]);
		expect(m.firstHolding("B")?.remotePath).toBe("x.jpg");
		m.put(entry("y.jpg", "B"));
		expect(m.copies("A")).toEqual([]);
		expect(m.copies("B").map((e) => e.remotePath)).toEqual(["x.jpg", "y.jpg"]);
		expect(m.size).toBe(2);
	});

	it("changes its version with every entry recorded (the status counts again only then)", () => {
		const m = new Manifest();
		const before = m.version;
		m.put(entry("a.jpg", "A"));
		expect(m.version).not.toBe(before);
	});

	it("loads from bytes in slices what it loads from text, and lets the entries share strings", async () => {
		// More entries than one slice may hold, so at least one pause comes however fast the machine.
		const entries = Array.from({ length: MAX_SLICE_ITEMS + 1000 }, (_, i) => entry(`P/${i}.jpg`, String(i).padStart(64, "0")));
		const text = serializeManifest(entries, "nas");
		let pauses = 0;
		let shared = 0;
		const fromBytes = await loadManifest(new TextEncoder().encode(text), { pause: async () => void pauses++, share: () => () => (shared++, false) });
		const fromText = await loadManifest(text);
		expect(fromBytes.entries()).toEqual(fromText.entries());
		expect(fromBytes.entries()[0]).toEqual(entries[0]);
		expect(pauses).toBeGreaterThanOrEqual(1);
		expect(shared).toBe(MAX_SLICE_ITEMS + 1000);
	});
});
