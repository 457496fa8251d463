// Obsidian's Events base class for the fake: named callbacks, removable by reference.
import type { EventRef, Events as RealEvents } from "../../../node_modules/obsidian/obsidian";

// any[]: the real Vault.on overloads take callbacks of (file: TAbstractFile), which unknown[] would refuse.
type Callback = (...data: any[]) => unknown;

interface Registration extends EventRef {
	name: string;
	callback: Callback;
	ctx: unknown;
}

export class Events implements RealEvents {
	private registrations: Registration[] = [];

	on(name: string, callback: Callback, ctx?: unknown): EventRef {
		const ref: Registration = { name, callback, ctx };
		this.registrations.push(ref);
		return ref;
	}

	off(name: string, callback: Callback): void {
		this.registrations = this.registrations.filter((r) => r.name !== name || r.callback !== callback);
	}

	offref(ref: EventRef): void {
		this.registrations = this.registrations.filter((r) => r !== ref);
	}

	trigger(name: string, ...data: unknown[]): void {
		for (const ref of this.registrations.filter((r) => r.name === name)) this.tryTrigger(ref, data);
	}

	tryTrigger(evt: EventRef, args: unknown[]): void {
		const ref = evt as Registration;
		try {
			ref.callback.apply(ref.ctx, args);
		} catch (error) {
			// Obsidian logs a failing listener and goes on with the others; so does the fake.
			console.error(error);
		}
	}

	/** How many listeners are registered, for tests that check an unload removed them. */
	listenerCount(name?: string): number {
		return this.registrations.filter((r) => name === undefined || r.name === name).length;
	}
}
