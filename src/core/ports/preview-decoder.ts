/**
 * Turning an image file's bytes into pixels, for the perceptual hash of duplicate search. Host-specific:
 * the CLI decodes JPEG in JavaScript, Obsidian decodes whatever its platform's image decoder knows.
 */

export interface DecodedPreview {
	width: number;
	height: number;
	/** 1 (grey), 3 (RGB) or 4 (RGBA) bytes per pixel. */
	channels: 1 | 3 | 4;
	/** Row after row, top to bottom, `width × height × channels` bytes. */
	pixels: Uint8Array | Uint8ClampedArray;
}

export interface PreviewDecoder {
	/** Names the decoder in the hash cache, so a file this host could not decode is not read again by it. */
	readonly id: string;
	/**
	 * True when `decode` turns the picture as an EXIF orientation recorded inside the bytes says (browsers
	 * do); false when it returns the pixels as stored, and the caller turns them.
	 */
	readonly appliesOrientation: boolean;
	/** Whether this host can decode files of this MIME type at all; asked before any byte is read. */
	accepts(mime: string): boolean;
	/**
	 * The picture, at any size (a host may return it already shrunk, at least 9 × 8 pixels, the aspect
	 * ratio free). Null when this host cannot decode these bytes: the photo is left out of the look-alike
	 * search and counted as not compared; that is not an error. Throws only for a file that claims a
	 * format it accepts and is broken. Hosts keep memory bounded: a picture too large to decode here is null.
	 */
	decode(bytes: Uint8Array, mime: string): Promise<DecodedPreview | null>;
}
