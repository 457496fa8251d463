/** The plain-words reason a file is not a photo, from its first bytes. */

const TEXT_SAMPLE = 512;

/** Printable UTF-8 with ordinary whitespace; the last few bytes may cut a character in two. */
export function looksLikeText(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, TEXT_SAMPLE);
	if (sample.length === 0) return false;
	for (const byte of sample) {
		if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
		if (byte === 0x7f) return false;
	}
	const decoder = new TextDecoder("utf-8", { fatal: true });
	for (let cut = 0; cut < 4 && cut < sample.length; cut++) {
		try {
			decoder.decode(sample.subarray(0, sample.length - cut));
			return true;
		} catch {
			// A multi-byte character cut at the sample's end: try without its first bytes.
		}
	}
	return false;
}

/** "not a photo: the file holds text", or the unrecognised signature in hex. */
export function unknownFormatReason(bytes: Uint8Array): string {
	if (looksLikeText(bytes)) return "not a photo: the file holds text";
	const hex = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join(" ");
	return `not a recognised photo or video format (starts with ${hex})`;
}
