/** The S3 and encryption fields of the target dialog: the keys and the passphrase picked from Obsidian's keychain, never typed into the settings. */
import { SecretComponent, Setting, type App } from "obsidian";
import { ENCRYPTION_FIXED, type TargetDraft } from "./target-draft";

// Examples, not words: kept out of the sentence-case check of UI text.
const ENDPOINT_EXAMPLE = "https://s3.eu-central-1.amazonaws.com";
const REGION_EXAMPLE = "us-east-1";
const PREFIX_EXAMPLE = "photos/";

export function renderS3Fields(app: App, contentEl: HTMLElement, draft: TargetDraft): void {
	new Setting(contentEl)
		.setName("Endpoint")
		.setDesc("The address of the storage service, as your provider gives it, without the bucket.")
		.addText((text) => text.setPlaceholder(ENDPOINT_EXAMPLE).setValue(draft.endpoint).onChange((value) => (draft.endpoint = value)));
	new Setting(contentEl)
		.setName("Region")
		.setDesc("Leave empty if your provider names none.")
		.addText((text) => text.setPlaceholder(REGION_EXAMPLE).setValue(draft.region).onChange((value) => (draft.region = value)));
	new Setting(contentEl)
		.setName("Bucket")
		.addText((text) => text.setValue(draft.bucket).onChange((value) => (draft.bucket = value)));
	new Setting(contentEl)
		.setName("Key prefix")
		.setDesc("A folder inside the bucket the photos go under. Empty: the bucket's top level.")
		.addText((text) => text.setPlaceholder(PREFIX_EXAMPLE).setValue(draft.prefix).onChange((value) => (draft.prefix = value)));
	new Setting(contentEl)
		.setName("Path-style addressing")
		.setDesc("On for most self-hosted storage (such as a gateway on your own server); off for the big providers, which put the bucket in the host name.")
		.addToggle((toggle) => toggle.setValue(draft.pathStyle).onChange((value) => (draft.pathStyle = value)));
	new Setting(contentEl)
		.setName("Access key ID")
		.addText((text) => text.setValue(draft.accessKeyId).onChange((value) => (draft.accessKeyId = value)));
	new Setting(contentEl)
		.setName("Secret key")
		.setDesc("Kept in Obsidian's keychain. Only its name is saved with the plugin's settings.")
		.addComponent((el) =>
			new SecretComponent(app, el).setValue(draft.secretKeySecret).onChange((value) => (draft.secretKeySecret = value)),
		);
}

export interface EncryptionFieldsOptions {
	/** The target holds backups: encryption can no longer be turned on or off, nor the passphrase changed. */
	fixed: boolean;
	/** The saved target names a passphrase in the keychain (when fixed, it stays that one). */
	hasSavedPassphrase: boolean;
	/** Draws the dialog again (the passphrase row comes and goes with the toggle). */
	redraw: () => void;
}

export function renderEncryptionFields(app: App, contentEl: HTMLElement, draft: TargetDraft, options: EncryptionFieldsOptions): void {
	const about = "The server only ever sees scrambled contents and file names. Any computer with rclone and the passphrase can read them back, with or without this plugin.";
	new Setting(contentEl)
		.setName("Encrypt")
		.setDesc(options.fixed ? ENCRYPTION_FIXED : about)
		.addToggle((toggle) =>
			toggle.setValue(draft.encrypt).setDisabled(options.fixed).onChange((value) => {
				draft.encrypt = value;
				options.redraw();
			}),
		);
	if (!draft.encrypt) return;
	new Setting(contentEl)
		.setName("Passphrase")
		.setDesc("Kept in Obsidian's keychain, never sent anywhere. Keep a copy somewhere safe: without it nobody can read these backups, not even you.")
		.addComponent((el) =>
			new SecretComponent(app, el)
				.setValue(draft.passphraseSecret)
				.setDisabled(options.fixed && options.hasSavedPassphrase)
				.onChange((value) => (draft.passphraseSecret = value)),
		);
}
