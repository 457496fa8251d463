/** `photo-archivist verify <vault>`: check the copies on the targets (quick, or thorough with --deep / --sample). */
import type { VerifyProgress } from "../../core/verify/verify-types";
import { samplePercentProblem } from "../../core/verify/sample-rotation";
import { checkTargetSelection } from "../backup-config";
import { formatBytes } from "../format-units";
import { listenForInterrupt } from "../interrupt";
import { progressLine } from "../progress-line";
import { UsageError } from "../usage-error";
import { openVault } from "../vault";
import { formatVerifySummary, verifyExitCode, verifyJson } from "./verify-report";

export interface VerifyCommandOptions {
	vault: string;
	targets?: string[];
	deep: boolean;
	/** As typed: "25" or "25%". */
	sample?: string;
	json: boolean;
	configDir?: string;
}

export function parseSample(text: string): number {
	const trimmed = text.trim().replace(/%$/, "");
	const value = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
	const problem = samplePercentProblem(value);
	if (problem !== null) throw new UsageError(`--sample ${text}: ${Number.isNaN(value) ? "give a percentage, such as --sample 10" : problem}`);
	return value;
}

function progressText(p: VerifyProgress): string {
	if (p.phase === "listing") return `${p.targetName}: listing folders ${p.done}/${p.total}`;
	return `${p.targetName}: reading copies ${p.done}/${p.total}, ${formatBytes(p.bytesDone)}/${formatBytes(p.bytesTotal)}${p.path ? `  ${p.path}` : ""}`;
}

export async function verifyCommand(o: VerifyCommandOptions): Promise<number> {
	const samplePercent = o.sample === undefined ? undefined : parseSample(o.sample);
	const vault = await openVault(o.vault, o.configDir);
	checkTargetSelection(vault.root, vault.backupSettings.targets, o.targets);
	const progress = progressLine();
	const interrupt = listenForInterrupt();
	try {
		const summary = await vault.engine.verify.verify({
			...(o.targets ? { targetIds: o.targets } : {}),
			deep: o.deep || samplePercent !== undefined,
			...(samplePercent !== undefined ? { samplePercent } : {}),
			signal: interrupt.signal,
			onProgress: (p) => progress.show(progressText(p), p.done >= p.total),
		});
		progress.done();
		process.stdout.write((o.json ? JSON.stringify(verifyJson(summary), null, 2) : formatVerifySummary(summary)) + "\n");
		return summary.cancelled ? interrupt.exitCode : verifyExitCode(summary);
	} finally {
		interrupt.dispose();
	}
}
