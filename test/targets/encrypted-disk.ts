// Reading an encrypted target's folder straight from disk, decrypting with the crypt module (not through the target): for the conformance suite's read-backs.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createCryptCipher, type CryptCipher } from "../../src/core/crypt/crypt-cipher";

const ciphers = new Map<string, Promise<CryptCipher>>();

/** One key derivation per passphrase for the whole test file: scrypt is slow on purpose. */
export function cipherFor(passphrase: string): Promise<CryptCipher> {
	let cipher = ciphers.get(passphrase);
	if (cipher === undefined) {
		cipher = createCryptCipher(passphrase);
		ciphers.set(passphrase, cipher);
	}
	return cipher;
}

/** The plaintext of the file the target stores for `path` under `dir`, or null when there is none. */
export async function decryptedFile(cipher: CryptCipher, dir: string, path: string): Promise<Uint8Array | null> {
	try {
		return cipher.contents.decryptFile(new Uint8Array(await readFile(join(dir, ...cipher.names.encryptPath(path).split("/")))));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
		throw error;
	}
}

/** The names on disk in `folder`'s encrypted folder, decrypted; a name that does not decrypt (a leftover temporary) as it is. */
export async function decryptedNames(cipher: CryptCipher, dir: string, folder: string, ignore: readonly string[] = []): Promise<string[]> {
	const encrypted = folder === "" ? [] : cipher.names.encryptPath(folder).split("/");
	try {
		const names = (await readdir(join(dir, ...encrypted))).filter((name) => !ignore.includes(name));
		return names.map((name) => cipher.names.decryptSegment(name) ?? name);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
		throw error;
	}
}
