/**
 * A server program run as a child process for tests: started, polled until it answers, stopped by signal
 * (its whole process group, so Apache's workers go too), and killed if the test process exits first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";

export interface ServerCommand {
	/** For messages: "apache2", "rclone serve webdav". */
	name: string;
	command: string;
	args: string[];
	env?: NodeJS.ProcessEnv;
	/** Polled with OPTIONS until it answers 2xx. */
	readyUrl: string;
	authorization: string;
	/** More of the server's own log, appended to failure messages. */
	extraLog?: () => string;
}

const START_DEADLINE_MS = 15_000;
const STOP_DEADLINE_MS = 10_000;
const POLL_MS = 20;
const OUTPUT_LIMIT = 16_000;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

// A test runner that dies mid-file must not leave servers holding ports and temp folders.
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once("exit", () => {
		for (const child of running) killGroup(child, "SIGKILL");
	});
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

/** A port nothing listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			const port = typeof address === "object" && address !== null ? address.port : 0;
			server.close(() => (port > 0 ? resolve(port) : reject(new Error("no port assigned"))));
		});
	});
}

/** The HTTP status `url` answers to OPTIONS, or the connection error's code. */
function probe(url: string, authorization: string): Promise<number | string> {
	return new Promise((resolve) => {
		const req = request(url, { method: "OPTIONS", headers: { authorization }, timeout: 2_000 }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on("timeout", () => req.destroy(new Error("timeout")));
		req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
		req.end();
	});
}

export class ServerProcess {
	private child: ChildProcess | null = null;
	private output = "";
	private exited: Promise<void> = Promise.resolve();

	constructor(private readonly spec: ServerCommand) {}

	get isRunning(): boolean {
		return this.child !== null;
	}

	/** The program's recent stdout and stderr, then its log file: for failure messages. */
	log(): string {
		return `${this.output}${this.spec.extraLog?.() ?? ""}`;
	}

	async start(): Promise<void> {
		if (this.child !== null) return;
		installExitHook();
		this.output = "";
		const child = spawn(this.spec.command, this.spec.args, {
			env: this.spec.env ?? process.env,
			stdio: ["ignore", "pipe", "pipe"],
			// Its own process group, so stop() reaches the workers it forks.
			detached: true,
		});
		const keep = (chunk: Buffer): void => {
			this.output = (this.output + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
		};
		child.stdout?.on("data", keep);
		child.stderr?.on("data", keep);
		let exited: string | null = null;
		const exit = new Promise<void>((resolve) => {
			child.once("exit", (code, signal) => {
				exited = `exited with ${signal ?? `code ${String(code)}`}`;
				running.delete(child);
				if (this.child === child) this.child = null;
				resolve();
			});
			child.once("error", (error) => {
				exited = `could not start: ${error.message}`;
				running.delete(child);
				if (this.child === child) this.child = null;
				resolve();
			});
		});
		this.child = child;
		this.exited = exit;
		running.add(child);

		const deadline = Date.now() + START_DEADLINE_MS;
		let last: number | string = "no answer";
		while (Date.now() < deadline) {
			if (exited !== null) throw new Error(`${this.spec.name} ${exited} before answering\n${this.log()}`);
			last = await probe(this.spec.readyUrl, this.spec.authorization);
			if (typeof last === "number" && last >= 200 && last < 300) return;
			await new Promise((resolve) => setTimeout(resolve, POLL_MS));
		}
		await this.stop();
		throw new Error(`${this.spec.name} did not answer OPTIONS ${this.spec.readyUrl} within ${START_DEADLINE_MS} ms (last: ${String(last)})\n${this.log()}`);
	}

	/** Stops the server (SIGTERM, then SIGKILL past a deadline) and waits until it has exited. */
	async stop(): Promise<void> {
		const child = this.child;
		if (child === null) return;
		killGroup(child, "SIGTERM");
		const timer = setTimeout(() => killGroup(child, "SIGKILL"), STOP_DEADLINE_MS);
		try {
			await this.exited;
		} finally {
			clearTimeout(timer);
		}
	}
}
