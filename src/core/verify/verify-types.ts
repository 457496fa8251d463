/** What the shells see of verification: its options, progress and report. */
import type { CopyFault } from "../backup/manifest";

export interface VerifyOptions {
	/** Only these targets (ids); default every enabled one. */
	targetIds?: string[];
	/** Also download every copy and compare its SHA-256 (thorough); default presence and size only (quick). */
	deep?: boolean;
	/**
	 * Thorough only: read this share of the copies (0 < percent ≤ 100) this run, taking up where the last
	 * sampled run stopped, so successive runs read every copy. Default 100.
	 */
	samplePercent?: number;
	signal?: AbortSignal;
	onProgress?: (progress: VerifyProgress) => void;
}

export interface VerifyProgress {
	targetName: string;
	/** Listing the folders, or reading copies back (thorough). */
	phase: "listing" | "reading";
	done: number;
	total: number;
	/** Bytes read back so far and to read, in the reading phase. */
	bytesDone: number;
	bytesTotal: number;
	path?: string;
}

/** A copy that is not what the manifest says. */
export interface CopyProblem {
	remotePath: string;
	fault: CopyFault;
	/** Plain words: "not on the server", "12,345 bytes instead of 12,400", "its SHA-256 differs". */
	detail: string;
	sha256: string;
	size: number;
	/** The photos of the vault with this content (none when the original is gone from the vault too). */
	photos: string[];
	/** The next backup uploads it again (its original is in the vault); false: the copy cannot be replaced from here. */
	requeued: boolean;
}

/** A file in a folder of ours on the target that no manifest entry names: reported, never removed. */
export interface ExtraFile {
	remotePath: string;
	size: number;
}

/** A damaged copy kept on the target beside the sound copy that replaced it (we never delete). */
export interface ReplacedCopy {
	remotePath: string;
	fault: CopyFault;
	replacedBy: string;
}

export interface TargetVerifyResult {
	targetId: string;
	name: string;
	deep: boolean;
	/** Copies the manifest lists (those replaced after a fault left out). */
	copies: number;
	/** Copies found in the listing with the right size. */
	present: number;
	/** Thorough: copies read back this run, and those whose SHA-256 matched. */
	read: number;
	verified: number;
	bytesRead: number;
	/** Thorough with a sample: the share asked for. */
	samplePercent?: number;
	problems: CopyProblem[];
	extra: ExtraFile[];
	replaced: ReplacedCopy[];
	/** Copies or folders that could not be checked (not a fault of the copy: the server did not answer). */
	failed: Array<{ path: string; reason: string }>;
	/** Set when the target could not be verified at all: the plain-words reason. */
	stopped?: string;
	/** Folders listed (one PROPFIND each, depth 1). */
	folders: number;
	/** Requests the verification sent: listings, and ranged reads when thorough (retries not counted). */
	requests: number;
	/** Nothing missing, damaged, unchecked or stopped. */
	ok: boolean;
}

export interface VerifySummary {
	targets: TargetVerifyResult[];
	cancelled: boolean;
}

export interface VerifyService {
	/** Checks the copies on each target against its manifest; marks faults for re-upload; updates notes. */
	verify(options?: VerifyOptions): Promise<VerifySummary>;
	readonly running: boolean;
}
