/** Everything needed to read and write one rclone crypt remote: its name cipher and its content cipher. */
import { ContentCipher } from "./content-cipher";
import { deriveCryptKeys } from "./crypt-keys";
import { NameCipher } from "./name-cipher";

export interface CryptCipher {
	names: NameCipher;
	contents: ContentCipher;
}

/** Derives the keys (scrypt, about a tenth of a second to a second) and builds both ciphers. */
export async function createCryptCipher(passphrase: string, salt = ""): Promise<CryptCipher> {
	const keys = await deriveCryptKeys(passphrase, salt);
	return { names: new NameCipher(keys.nameKey, keys.nameTweak), contents: new ContentCipher(keys.dataKey) };
}
