// The fake's Platform flags (switchable between the desktop and the mobile app) and Obsidian's debounce.
import type { Debouncer, Platform as RealPlatform } from "../../../node_modules/obsidian/obsidian";

const DESKTOP: typeof RealPlatform = {
	isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false, isIosApp: false, isAndroidApp: false,
	isPhone: false, isTablet: false, isMacOS: false, isWin: false, isLinux: true, isSafari: false,
	resourcePathPrefix: "app://local/",
};
const MOBILE: typeof RealPlatform = {
	...DESKTOP, isDesktop: false, isMobile: true, isDesktopApp: false, isMobileApp: true, isAndroidApp: true, isPhone: true, isLinux: false,
};

/** Mutable, unlike Obsidian's: tests switch between the desktop and the mobile app with `setPlatform`. */
export const Platform: typeof RealPlatform = { ...DESKTOP };

export function setPlatform(kind: "desktop" | "mobile"): void {
	Object.assign(Platform, kind === "desktop" ? DESKTOP : MOBILE);
}

/** Obsidian's debounce over setTimeout, so tests drive it with fake timers. */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let args: [...T] | null = null;
	const fire = (): V | void => {
		timer = null;
		const pending = args;
		args = null;
		return pending === null ? undefined : cb(...pending);
	};
	const debouncer = ((...next: [...T]) => {
		args = next;
		if (timer !== null) {
			if (!resetTimer) return debouncer;
			clearTimeout(timer);
		}
		timer = setTimeout(fire, timeout);
		return debouncer;
	}) as Debouncer<T, V>;
	debouncer.cancel = () => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
		args = null;
		return debouncer;
	};
	debouncer.run = () => {
		if (timer === null) return undefined;
		clearTimeout(timer);
		return fire();
	};
	return debouncer;
}

/** The Obsidian version the fake claims to be; tests of older-version paths lower it with `setApiVersion`. */
let apiVersion = "1.13.1";

export function setApiVersion(version: string): void {
	apiVersion = version;
}

export function requireApiVersion(version: string): boolean {
	const have = apiVersion.split(".").map(Number);
	const want = version.split(".").map(Number);
	for (let i = 0; i < Math.max(have.length, want.length); i++) {
		const a = have[i] ?? 0;
		const b = want[i] ?? 0;
		if (a !== b) return a > b;
	}
	return true;
}

// Plugin code calls window.setInterval and friends (popout-safe timers, as eslint-plugin-obsidianmd asks);
// in Obsidian `window` is the global object, and so it is here. Node has no `window` of its own.
if (!("window" in globalThis)) Object.defineProperty(globalThis, "window", { value: globalThis, configurable: true, writable: true });
