/**
 * rclone crypt's keys: scrypt (N=16384, r=8, p=1) of the passphrase gives 80 bytes, split into the data key
 * (32), the name key (32) and the name tweak (16). Without a second passphrase ("salt", rclone's password2)
 * rclone salts with a fixed value, which is what this plugin uses, so a plain crypt remote opens its backups.
 */
import { scryptAsync } from "@noble/hashes/scrypt.js";

/** rclone's built-in salt (backend/crypt/cipher.go, defaultSalt). */
export const RCLONE_DEFAULT_SALT: Uint8Array = Uint8Array.of(0xa8, 0x0d, 0xf4, 0x3a, 0x8f, 0xbd, 0x03, 0x08, 0xa7, 0xca, 0xb8, 0x3e, 0x58, 0x1f, 0x86, 0xb1);

const DATA_KEY = 32;
const NAME_KEY = 32;
const NAME_TWEAK = 16;

export interface CryptKeys {
	dataKey: Uint8Array;
	nameKey: Uint8Array;
	nameTweak: Uint8Array;
}

/**
 * The keys for `passphrase` (its UTF-8 bytes, as typed: rclone does not normalise them) and an optional
 * second passphrase. Runs scrypt asynchronously, yielding to the event loop so a UI stays responsive.
 * An empty passphrase gives all-zero keys, as in rclone (its tests use that); callers refuse it.
 */
export async function deriveCryptKeys(passphrase: string, salt = ""): Promise<CryptKeys> {
	const length = DATA_KEY + NAME_KEY + NAME_TWEAK;
	const saltBytes = salt === "" ? RCLONE_DEFAULT_SALT : new TextEncoder().encode(salt);
	const key = passphrase === ""
		? new Uint8Array(length)
		: await scryptAsync(new TextEncoder().encode(passphrase), saltBytes, { N: 16384, r: 8, p: 1, dkLen: length, asyncTick: 10 });
	return {
		dataKey: key.slice(0, DATA_KEY),
		nameKey: key.slice(DATA_KEY, DATA_KEY + NAME_KEY),
		nameTweak: key.slice(DATA_KEY + NAME_KEY),
	};
}
