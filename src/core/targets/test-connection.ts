/** "Test connection": can we reach the target, are we let in, can we write there, how much room is left. */
import type { ConnectionCheck, ConnectionReport } from "../backup/backup-types";
import { describeError } from "../model/errors";
import { TargetError } from "../model/target-error";
import type { Target, UploadBody } from "../ports/target";

export async function testConnection(target: Target, targetId: string, signal?: AbortSignal): Promise<ConnectionReport> {
	const checks: ConnectionCheck[] = [];
	const report = (available?: number): ConnectionReport => ({
		targetId,
		ok: checks.every((check) => check.ok),
		checks,
		...(available === undefined ? {} : { available }),
	});

	try {
		await target.list("", signal);
		checks.push({ name: "reach", ok: true, message: "Reached it." });
		checks.push({ name: "credentials", ok: true, message: "Access was granted." });
	} catch (error) {
		if (error instanceof TargetError && error.code === "auth") {
			checks.push({ name: "reach", ok: true, message: "Reached it." });
			checks.push({ name: "credentials", ok: false, message: error.message });
		} else {
			checks.push({ name: "reach", ok: false, message: plainWords(error) });
		}
		return report();
	}

	const write = await checkWrite(target, signal);
	checks.push(write);
	if (!write.ok) return report();

	const { check, available } = await checkSpace(target, signal);
	checks.push(check);
	return report(available);
}

/** Writes a small probe file, reads it back, removes it. */
async function checkWrite(target: Target, signal?: AbortSignal): Promise<ConnectionCheck> {
	const probe = `.photo-archivist-probe-${Math.random().toString(36).slice(2, 10)}`;
	const bytes = new TextEncoder().encode(`Photo Archivist connection test ${new Date().toISOString()}\n`);
	const body: UploadBody = {
		size: bytes.byteLength,
		async *open(start = 0) {
			yield bytes.subarray(start);
		},
	};
	let written = false;
	try {
		await target.put(probe, body, { signal });
		written = true;
		const back = await target.read(probe, undefined, signal);
		if (back.byteLength !== bytes.byteLength || back.some((byte, index) => byte !== bytes[index])) {
			return { name: "write", ok: false, message: "A test file was written, but it read back different: the target does not store files faithfully." };
		}
		await target.remove(probe, signal);
		written = false;
		return { name: "write", ok: true, message: "Wrote, read back and removed a test file." };
	} catch (error) {
		return { name: "write", ok: false, message: plainWords(error) };
	} finally {
		if (written) await target.remove(probe).catch(() => undefined);
	}
}

async function checkSpace(target: Target, signal?: AbortSignal): Promise<{ check: ConnectionCheck; available?: number }> {
	try {
		const quota = await target.quota(signal);
		const available = quota?.available;
		if (available === undefined) return { check: { name: "space", ok: true, message: "The server does not report free space." } };
		if (available === 0) return { check: { name: "space", ok: false, message: "No space is left." }, available };
		return { check: { name: "space", ok: true, message: `${formatBytes(available)} free.` }, available };
	} catch (error) {
		// Knowing the free space is a convenience: a target that cannot tell still takes backups.
		return { check: { name: "space", ok: true, message: `Free space could not be read (${plainWords(error)}).` } };
	}
}

function plainWords(error: unknown): string {
	if (error instanceof TargetError && error.code === "cancelled") return "The test was cancelled.";
	return describeError(error);
}

/** Decimal units, as drives and file managers count them. */
export function formatBytes(bytes: number): string {
	const units = ["bytes", "KB", "MB", "GB", "TB", "PB"];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	const shown = unit === 0 ? String(value) : value >= 100 ? value.toFixed(0) : value.toFixed(1);
	return `${shown} ${units[unit]}`;
}
