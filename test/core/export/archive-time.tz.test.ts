// An unpacked photo shows the camera's own wall-clock time as its modification time, whatever the machine's zone.
import { describe, expect, it } from "vitest";
import { archiveTime } from "../../../src/core/export/archive-names";
import { zipStream } from "../../../src/core/export/zip-stream";

/** The DOS time and date of the first local header: seconds/2, minutes, hours; day, month, year since 1980. */
function dosFields(zip: Uint8Array): string {
	const view = new DataView(zip.buffer, zip.byteOffset);
	const time = view.getUint16(10, true), date = view.getUint16(12, true);
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
}

async function firstHeader(modified: Date): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const chunk of zipStream([{ name: "a.jpg", modified, deflate: false, body: new Uint8Array([1, 2, 3]) }])) parts.push(chunk);
	return parts[0] ?? new Uint8Array();
}

describe("the time an archived photo carries", () => {
	it("is the camera's wall clock, never shifted by the offset or the machine's zone", async () => {
		expect(dosFields(await firstHeader(archiveTime("2024-06-01T18:42:05.120+01:00", false, 0)))).toBe("2024-06-01 18:42:04");
		expect(dosFields(await firstHeader(archiveTime("2023-12-24T19:30:11", false, 0)))).toBe("2023-12-24 19:30:10");
	});

	it("is clamped to the earliest ZIP time for a photo taken before 1980", async () => {
		expect(dosFields(await firstHeader(archiveTime("1975-07-04T12:00:00", false, 0)))).toBe("1980-01-01 00:00:00");
	});
});
