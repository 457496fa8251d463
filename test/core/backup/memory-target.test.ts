// The in-memory target the backup's unit tests use keeps the same contract as the real targets.
import { describeTargetContract } from "../../targets/target-contract";
import { MemoryTarget } from "./memory-target";

describeTargetContract("MemoryTarget (the backup tests' double)", () => {
	const target = new MemoryTarget();
	return Promise.resolve({
		target,
		readBack: (path: string) => Promise.resolve(target.bytes(path) ?? null),
		listBack: (folder: string) => {
			const prefix = folder === "" ? "" : `${folder}/`;
			const names = new Set<string>();
			for (const path of target.files.keys()) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split("/")[0] ?? "");
			return Promise.resolve([...names]);
		},
		cleanup: () => Promise.resolve(),
	});
});
