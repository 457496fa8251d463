/**
 * Before anything is written through encryption, the passphrase is checked against what the target
 * already holds, from one listing of its root: a backup made with another passphrase is never added to.
 */
import { TARGET_META_FOLDER } from "../backup/remote-path";
import { TargetError } from "../model/target-error";
import type { Target } from "../ports/target";
import { baseName } from "../targets/remote-path";
import { looksEncrypted, type NameCipher } from "./name-cipher";

export const WRONG_PASSPHRASE =
	"The passphrase does not open the files already on this target: they were encrypted with another passphrase. " +
	"Nothing was written. Enter the passphrase this target was set up with; to use a new passphrase, back up to a new, empty folder.";

export const UNENCRYPTED_BACKUP =
	"This target already holds an unencrypted backup (its .photo-archivist folder can be read by anyone with access to the server), " +
	"so encryption cannot be turned on for it. Nothing was written. Back up to a new, empty folder to encrypt your photos.";

/**
 * Resolves when `names` opens what is on the target, or when it holds nothing encrypted; throws
 * TargetError "auth" when it holds rclone-encrypted names and none of them opens with this key.
 *
 * Our own metadata folder's name is the strongest proof: EME is deterministic, so finding the exact
 * ciphertext of ".photo-archivist" checks all 128 bits of the name key, which comes from the same scrypt
 * output as the data key. Without it (a first run stopped before its manifest was written) any root
 * name that decrypts with valid padding and UTF-8 is accepted: a wrong key passes that by chance about
 * once in ten million names.
 */
export async function checkPassphrase(inner: Target, names: NameCipher, signal?: AbortSignal): Promise<void> {
	const root = await inner.list("", signal);
	if (root.folders.includes(names.encryptSegment(TARGET_META_FOLDER))) return;
	if (root.folders.includes(TARGET_META_FOLDER)) throw new TargetError("refused", UNENCRYPTED_BACKUP);
	const encrypted = [...root.folders, ...root.files.map((file) => baseName(file.path))].filter(looksEncrypted);
	if (encrypted.length === 0 || encrypted.some((name) => names.decryptSegment(name) !== null)) return;
	throw new TargetError("auth", WRONG_PASSPHRASE);
}
