/**
 * A Target decorator that encrypts everything in rclone's crypt format before it leaves the device:
 * contents in sealed 64 KiB blocks, every path segment with EME, so the server holds neither bytes nor
 * names of the photos, and `rclone` with a crypt remote of the same passphrase gets them all back.
 * Above it the engine sees plaintext paths and sizes; files whose names do not decrypt are not listed.
 */
import { ContentCipher } from "../crypt/content-cipher";
import { checkPassphrase } from "../crypt/check-passphrase";
import { createCryptCipher, type CryptCipher } from "../crypt/crypt-cipher";
import { CiphertextError } from "../crypt/crypt-errors";
import { BLOCK_DATA_SIZE, cipherRangeFor, decryptedSize, HEADER_SIZE, plainBytesWithin } from "../crypt/crypt-format";
import { encryptedBody } from "../crypt/encrypted-body";
import { MAX_ENCRYPTED_NAME } from "../crypt/name-cipher";
import { TargetError } from "../model/target-error";
import type { Quota, RemoteFile, RemoteListing, Target, TargetCapabilities, UploadBody, UploadOptions } from "../ports/target";
import { baseName, checkRemotePath, joinRemote } from "./remote-path";

/** Nonces of files read in ranges, so a second range of a file costs one request, not two. Not secret. */
const NONCE_CACHE = 256;

/**
 * Derives the keys from `passphrase`, checks it against what `inner` already holds (TargetError "auth",
 * before anything is written, when it opens none of it), and returns the encrypting target. `inner` should
 * already retry (retrying-target): one put here is then one nonce, whatever the retries below it.
 */
export async function openEncryptedTarget(inner: Target, passphrase: string, signal?: AbortSignal): Promise<Target> {
	if (passphrase === "") throw new TargetError("refused", "The encryption passphrase is empty: set one (and keep it safe: without it the backups cannot be read).");
	const cipher = await createCryptCipher(passphrase);
	if (signal?.aborted) throw new TargetError("cancelled", "Cancelled.");
	await checkPassphrase(inner, cipher.names, signal);
	return new EncryptingTarget(inner, cipher);
}

class EncryptingTarget implements Target {
	private readonly nonces = new Map<string, Uint8Array>();

	constructor(
		private readonly inner: Target,
		private readonly cipher: CryptCipher,
	) {}

	get capabilities(): TargetCapabilities {
		return this.inner.capabilities;
	}

	async stat(path: string, signal?: AbortSignal): Promise<RemoteFile | null> {
		const encrypted = this.encrypt(path);
		const file = await this.translated([path], () => this.inner.stat(encrypted, signal));
		return file && this.plainFile(file, path);
	}

	async list(folder: string, signal?: AbortSignal): Promise<RemoteListing> {
		const encrypted = folder === "" ? "" : this.encrypt(folder);
		const listing = await this.translated([folder], () => this.inner.list(encrypted, signal));
		const files: RemoteFile[] = [];
		for (const file of listing.files) {
			const name = this.cipher.names.decryptSegment(baseName(file.path));
			if (name !== null) files.push(this.plainFile(file, joinRemote(folder, name)));
		}
		const folders = listing.folders.map((name) => this.cipher.names.decryptSegment(name)).filter((name): name is string => name !== null);
		return { files, folders };
	}

	async put(path: string, body: UploadBody, options: UploadOptions = {}): Promise<RemoteFile> {
		const encrypted = this.encrypt(path);
		this.nonces.delete(encrypted);
		// The transport counts ciphertext; progress is in the photo's bytes, each counted once.
		let cipherSent = 0;
		let plainReported = 0;
		const report = options.onBytes;
		const onBytes = report && ((sent: number): void => {
			cipherSent += sent;
			const plain = Math.min(body.size, plainBytesWithin(cipherSent));
			if (plain > plainReported) {
				report(plain - plainReported);
				plainReported = plain;
			}
		});
		const stored = await this.translated([path], () => this.inner.put(encrypted, encryptedBody(this.cipher.contents, body), { signal: options.signal, onBytes }));
		return this.plainFile(stored, path);
	}

	async move(from: string, to: string, signal?: AbortSignal): Promise<void> {
		const [source, destination] = [this.encrypt(from), this.encrypt(to)];
		this.nonces.delete(source);
		this.nonces.delete(destination);
		await this.translated([from, to], () => this.inner.move(source, destination, signal));
	}

	async read(path: string, range?: { start: number; end: number }, signal?: AbortSignal): Promise<Uint8Array> {
		const encrypted = this.encrypt(path);
		return this.translated([path], async () => {
			if (range === undefined) {
				const file = await this.inner.read(encrypted, undefined, signal);
				return this.opened(path, () => this.cipher.contents.decryptFile(file));
			}
			if (range.end <= range.start) return new Uint8Array(0);
			return this.readRange(path, encrypted, range, signal);
		});
	}

	/** The blocks covering `range`, with the file's nonce from its header (or from an earlier read of it), opened and trimmed. */
	private async readRange(path: string, encrypted: string, range: { start: number; end: number }, signal?: AbortSignal): Promise<Uint8Array> {
		const span = cipherRangeFor(range.start, range.end);
		const cached = span.firstBlock === 0 ? undefined : this.nonces.get(encrypted);
		let nonce: Uint8Array;
		let blocks: Uint8Array;
		if (cached !== undefined) {
			nonce = cached;
			blocks = await this.inner.read(encrypted, { start: span.start, end: span.end }, signal);
		} else if (span.firstBlock === 0) {
			const bytes = await this.inner.read(encrypted, { start: 0, end: span.end }, signal);
			nonce = this.opened(path, () => ContentCipher.nonceOf(bytes));
			blocks = bytes.subarray(HEADER_SIZE);
		} else {
			const [head, body] = await Promise.all([
				this.inner.read(encrypted, { start: 0, end: HEADER_SIZE }, signal),
				this.inner.read(encrypted, { start: span.start, end: span.end }, signal),
			]);
			nonce = this.opened(path, () => ContentCipher.nonceOf(head));
			blocks = body;
		}
		let plain: Uint8Array;
		try {
			plain = this.cipher.contents.decryptBlocks(blocks, nonce, span.firstBlock);
		} catch (error) {
			// A file put again at this path since its nonce was noted opens only with its own header.
			if (cached === undefined || !(error instanceof CiphertextError)) throw this.damaged(path, error);
			this.nonces.delete(encrypted);
			return this.readRange(path, encrypted, range, signal);
		}
		this.remember(encrypted, nonce);
		const offset = span.firstBlock * BLOCK_DATA_SIZE;
		return plain.subarray(range.start - offset, range.end - offset);
	}

	async remove(path: string, signal?: AbortSignal): Promise<void> {
		const encrypted = this.encrypt(path);
		this.nonces.delete(encrypted);
		await this.translated([path], () => this.inner.remove(encrypted, signal));
	}

	quota(signal?: AbortSignal): Promise<Quota | null> {
		return this.inner.quota(signal);
	}

	/** The encrypted path, after checking the plain one (an encrypted ".." would otherwise pass as a name). */
	private encrypt(path: string): string {
		checkRemotePath(path);
		const encrypted = this.cipher.names.encryptPath(path);
		const long = encrypted.split("/").findIndex((segment) => segment.length > MAX_ENCRYPTED_NAME);
		if (long >= 0) {
			const name = path.split("/")[long] ?? "";
			throw new TargetError("refused", `The name "${name}" is too long to store encrypted (${encrypted.split("/")[long]?.length ?? 0} characters once encrypted; servers allow ${MAX_ENCRYPTED_NAME}). Names of up to 143 bytes (UTF-8) fit.`);
		}
		return encrypted;
	}

	/** An impossible ciphertext size (cut short) shows as size -1, which no copy's recorded size matches. */
	private plainFile(file: RemoteFile, path: string): RemoteFile {
		return { ...file, path, size: decryptedSize(file.size) ?? -1 };
	}

	private remember(encrypted: string, nonce: Uint8Array): void {
		if (this.nonces.size >= NONCE_CACHE) this.nonces.delete(this.nonces.keys().next().value ?? "");
		this.nonces.set(encrypted, nonce);
	}

	/** Runs `open`, turning ciphertext that does not open into TargetError "refused": never garbage, never a silent gap. */
	private opened<T>(path: string, open: () => T): T {
		try {
			return open();
		} catch (error) {
			throw this.damaged(path, error);
		}
	}

	private damaged(path: string, error: unknown): unknown {
		if (!(error instanceof CiphertextError)) return error;
		return new TargetError(
			"refused",
			`${path} on the target could not be decrypted: ${error.message}. The copy is damaged (or was not written with this passphrase); nothing of it was used.`,
			{ cause: error },
		);
	}

	/** The inner target's errors name encrypted paths; users read the plain names. */
	private async translated<T>(paths: readonly string[], work: () => Promise<T>): Promise<T> {
		try {
			return await work();
		} catch (error) {
			if (!(error instanceof TargetError)) throw error;
			let message = error.message;
			for (const path of paths) {
				for (const segment of path.split("/")) {
					const encrypted = this.cipher.names.encryptSegment(segment);
					if (encrypted !== "") message = message.split(encrypted).join(segment);
				}
			}
			throw message === error.message ? error : new TargetError(error.code, message, error.details);
		}
	}
}
