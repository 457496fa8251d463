/** Ctrl-C (and a service manager's SIGTERM) cancels a run cleanly; a second Ctrl-C stops at once. */

export interface Interrupt {
	readonly signal: AbortSignal;
	/** The exit status the run should end with once cancelled: 130 for Ctrl-C, 143 for SIGTERM. */
	readonly exitCode: number;
	dispose(): void;
}

export function listenForInterrupt(stderr: NodeJS.WriteStream = process.stderr): Interrupt {
	const controller = new AbortController();
	let exitCode = 130;
	const onSignal = (name: NodeJS.Signals): void => {
		if (controller.signal.aborted) {
			// Asked twice: stop now. An upload cut short stays under its temporary name, never under a photo's.
			process.exit(name === "SIGTERM" ? 143 : 130);
		}
		exitCode = name === "SIGTERM" ? 143 : 130;
		if (stderr.isTTY) stderr.write("\r\x1b[Kcancelling (Ctrl-C again to stop at once)\n");
		controller.abort();
	};
	process.on("SIGINT", onSignal);
	process.on("SIGTERM", onSignal);
	return {
		signal: controller.signal,
		get exitCode() {
			return exitCode;
		},
		dispose: () => {
			process.off("SIGINT", onSignal);
			process.off("SIGTERM", onSignal);
		},
	};
}
