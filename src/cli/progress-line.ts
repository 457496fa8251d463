/** One self-overwriting progress line on stderr, only when stderr is a terminal (logs stay clean). */
import type { IndexProgress } from "../core/engine-types";

export function progressLine(stream: NodeJS.WriteStream = process.stderr): {
	update: (p: IndexProgress) => void;
	done: () => void;
} {
	if (!stream.isTTY) return { update: () => {}, done: () => {} };
	let last = 0;
	return {
		update: (p) => {
			const now = Date.now();
			if (now - last < 100 && p.done < p.total) return;
			last = now;
			const count = p.total > 0 ? ` ${p.done}/${p.total}` : "";
			stream.write(`\r\x1b[K${p.phase}${count}${p.path ? `  ${p.path}` : ""}`.slice(0, stream.columns || 120));
		},
		done: () => stream.write("\r\x1b[K"),
	};
}
