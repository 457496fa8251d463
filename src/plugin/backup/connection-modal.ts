/** "Test connection": each target's checks (reached, password, write, free space) in plain words, filled in as they finish. */
import { Modal, type App } from "obsidian";
import type { ConnectionCheck, ConnectionReport } from "../../core/backup/backup-types";
import type { TargetConfig } from "../../core/model/target-config";
import { formatBytes } from "./backup-units";

const CHECK_NAMES: Record<ConnectionCheck["name"], string> = {
	reach: "Server",
	credentials: "User name and password",
	write: "Writing",
	space: "Free space",
};

export function checkLine(check: ConnectionCheck): string {
	return `${check.ok ? "✓" : "✗"} ${CHECK_NAMES[check.name]}: ${check.message}`;
}

export function reportHeadline(name: string, report: ConnectionReport): string {
	if (!report.ok) return `${name}: not usable yet.`;
	return report.available === undefined ? `${name}: ready.` : `${name}: ready, ${formatBytes(report.available)} free.`;
}

export class ConnectionModal extends Modal {
	/** Settles when every target has been tested (for tests, and for nothing else to wait on). */
	done: Promise<void> = Promise.resolve();

	constructor(
		app: App,
		private readonly targets: readonly TargetConfig[],
		private readonly test: (targetId: string) => Promise<ConnectionReport>,
	) {
		super(app);
	}

	override onOpen(): void {
		this.titleEl.setText(this.targets.length === 1 ? `Test connection: ${this.targets[0]?.name ?? ""}` : "Test backup targets");
		this.contentEl.empty();
		const slots = this.targets.map((target) => {
			const el = this.contentEl.createDiv({ cls: "photo-archivist-connection" });
			el.createEl("p", { text: `${target.name}: testing…` });
			return { target, el };
		});
		// One after the other: a shared server is not hit by several probes at once, and the first answer shows sooner.
		this.done = (async () => {
			for (const { target, el } of slots) this.show(el, target, await this.test(target.id));
		})();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private show(el: HTMLElement, target: TargetConfig, report: ConnectionReport): void {
		el.empty();
		el.createEl("p", { text: reportHeadline(target.name, report), cls: report.ok ? undefined : "photo-archivist-error" });
		const list = el.createEl("ul");
		for (const check of report.checks) list.createEl("li", { text: checkLine(check) });
	}
}
