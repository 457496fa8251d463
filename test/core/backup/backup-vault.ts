// A vault on disk with the engine wired for backups to in-memory targets that outlive each engine (like servers do).
import { NodeDataStore } from "../../../src/adapters/node/node-data-store";
import { NodeFileStore } from "../../../src/adapters/node/node-file-store";
import { NodeNoteStore } from "../../../src/adapters/node/node-note-store";
import { defaultBackupSettings, type BackupPlatform } from "../../../src/core/backup/backup-settings";
import type { BackupSettings, ConnectionReport, OpenTarget } from "../../../src/core/backup/backup-types";
import { createPhotoEngine } from "../../../src/core/engine";
import type { PhotoEngine } from "../../../src/core/engine-types";
import type { TargetConfig } from "../../../src/core/model/target-config";
import type { DataStore } from "../../../src/core/ports/data-store";
import type { Target } from "../../../src/core/ports/target";
import { DEFAULT_INDEX_SETTINGS } from "../../../src/core/settings";
import { engineVault, type EngineVault } from "../../support/engine-vault";
import { MemoryTarget } from "./memory-target";

export const NOW = new Date("2024-07-02T10:15:00Z");

export function targetConfig(id: string, overrides: Partial<TargetConfig> = {}): TargetConfig {
	return { id, name: id.toUpperCase(), kind: "folder", medium: "external-drive", offsite: false, layout: "mirror", enabled: true, path: `/backups/${id}`, ...overrides };
}

export interface EngineOptions {
	targets?: TargetConfig[];
	settings?: Partial<BackupSettings>;
	platform?: BackupPlatform;
	data?: (store: DataStore) => DataStore;
	testConnection?: (target: Target, id: string) => Promise<ConnectionReport>;
	/** Instead of the memory targets. */
	openTarget?: OpenTarget;
}

export interface BackupVault extends EngineVault {
	/** The target behind each id, the same for every engine. */
	targets: Map<string, MemoryTarget>;
	target(id: string): MemoryTarget;
	backupEngine(options?: EngineOptions): PhotoEngine;
}

export async function backupVault(): Promise<BackupVault> {
	const vault = await engineVault();
	const targets = new Map<string, MemoryTarget>();
	const target = (id: string): MemoryTarget => {
		const existing = targets.get(id);
		if (existing) return existing;
		const made = new MemoryTarget();
		targets.set(id, made);
		return made;
	};
	return {
		...vault,
		targets,
		target,
		backupEngine: (options = {}) => {
			const data = new NodeDataStore(vault.dataFolder);
			return createPhotoEngine(
				{
					files: new NodeFileStore(vault.root),
					notes: new NodeNoteStore(vault.root),
					data: options.data ? options.data(data) : data,
					now: () => NOW,
					platform: options.platform,
					openTarget: options.openTarget ?? ((config) => Promise.resolve(target(config.id))),
					testConnection: options.testConnection,
				},
				DEFAULT_INDEX_SETTINGS,
				{ ...defaultBackupSettings(options.platform), ...options.settings, targets: options.targets ?? [targetConfig("nas")] },
			);
		},
	};
}
