// Builds ISO base media files (HEIF, MOV, MP4) box by box, for reader tests that need exact layouts.

export function bytes(...parts: (Uint8Array | number[] | string)[]): Uint8Array {
	const arrays = parts.map((p) => (typeof p === "string" ? new TextEncoder().encode(p) : p instanceof Uint8Array ? p : new Uint8Array(p)));
	const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
	let at = 0;
	for (const a of arrays) {
		out.set(a, at);
		at += a.length;
	}
	return out;
}

export function u16(value: number): number[] {
	return [(value >>> 8) & 0xff, value & 0xff];
}

export function u32(value: number): number[] {
	return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

export function u64(value: number): number[] {
	return [...u32(Math.floor(value / 2 ** 32)), ...u32(value % 2 ** 32)];
}

export function box(type: string, ...content: (Uint8Array | number[] | string)[]): Uint8Array {
	const body = bytes(...content);
	return bytes(u32(8 + body.length), type, body);
}

export function fullBox(type: string, version: number, flags: number, ...content: (Uint8Array | number[] | string)[]): Uint8Array {
	return box(type, [version, (flags >>> 16) & 0xff, (flags >>> 8) & 0xff, flags & 0xff], ...content);
}

export function ftyp(major: string, ...compatible: string[]): Uint8Array {
	return box("ftyp", major, u32(0), ...compatible);
}
