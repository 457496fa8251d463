/**
 * rclone crypt's "standard" name encryption: each path segment (folders too, rclone's default
 * directory_name_encryption = true) PKCS#7-padded to 16 bytes, enciphered with EME under the name key and
 * tweak, and written in lower-case base32hex.
 */
import { decodeBase32Hex, encodeBase32Hex } from "./base32hex";
import { Eme } from "./eme";

const BLOCK = 16;
/** rclone refuses to decode longer names. */
const MAX_DECODED = 2048;
/** What most file systems and servers allow for one name. */
export const MAX_ENCRYPTED_NAME = 255;

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

function pad(bytes: Uint8Array): Uint8Array {
	const padding = BLOCK - (bytes.length % BLOCK);
	const out = new Uint8Array(bytes.length + padding);
	out.set(bytes);
	out.fill(padding, bytes.length);
	return out;
}

function unpad(bytes: Uint8Array): Uint8Array | null {
	const padding = bytes[bytes.length - 1] ?? 0;
	if (padding === 0 || padding > BLOCK || padding > bytes.length) return null;
	for (let i = bytes.length - padding; i < bytes.length; i++) if (bytes[i] !== padding) return null;
	return bytes.subarray(0, bytes.length - padding);
}

export class NameCipher {
	private readonly eme: Eme;

	constructor(nameKey: Uint8Array, nameTweak: Uint8Array) {
		this.eme = new Eme(nameKey, nameTweak);
	}

	/** One name, encrypted ("" stays ""). */
	encryptSegment(name: string): string {
		if (name === "") return "";
		return encodeBase32Hex(this.eme.transform(pad(encoder.encode(name)), "encrypt"));
	}

	/**
	 * The name `encrypted` stands for, or null when it is not a name this key encrypted (a foreign file, a
	 * temporary, another passphrase's name): the padding and UTF-8 both check out only for our own.
	 */
	decryptSegment(encrypted: string): string | null {
		if (encrypted === "") return "";
		const raw = decodeBase32Hex(encrypted);
		if (raw === null || raw.length === 0 || raw.length % BLOCK !== 0 || raw.length > MAX_DECODED) return null;
		const plain = unpad(this.eme.transform(raw, "decrypt"));
		if (plain === null || plain.length === 0) return null;
		let name: string;
		try {
			name = strictDecoder.decode(plain);
		} catch {
			return null;
		}
		// No path segment holds a slash or a NUL.
		return name.includes("/") || name.includes("\0") ? null : name;
	}

	/** A "/"-separated path, segment by segment. */
	encryptPath(path: string): string {
		return path.split("/").map((segment) => this.encryptSegment(segment)).join("/");
	}
}

/** Whether `name` has the shape of an rclone-encrypted name (whatever the key): base32hex of whole 16-byte blocks. */
export function looksEncrypted(name: string): boolean {
	const raw = decodeBase32Hex(name);
	return raw !== null && raw.length > 0 && raw.length % BLOCK === 0;
}
