/** What the album and tag commands say when they finish, in plain words. */
import type { MembershipChange } from "../../core/albums/album-types";
import type { TagEditSummary } from "../../core/organize/tag-edit";

function photos(n: number): string {
	return `${n.toLocaleString("en-US")} ${n === 1 ? "photo" : "photos"}`;
}

function problems(change: { unknown?: readonly string[]; failed: ReadonlyArray<{ reason: string }> }): string {
	const parts: string[] = [];
	if (change.unknown && change.unknown.length > 0) parts.push(`${photos(change.unknown.length)} not indexed yet`);
	const first = change.failed[0];
	if (first !== undefined) parts.push(`${photos(change.failed.length)} could not be changed (${first.reason})`);
	return parts.length === 0 ? "" : ` ${parts.join("; ")}.`;
}

export function addedText(change: MembershipChange): string {
	const head = change.changed > 0 ? `Added to “${change.album.title}”` : `Already in “${change.album.title}”`;
	return `${head}, which now holds ${photos(change.count)}.${problems(change)}`;
}

export function removedText(change: MembershipChange): string {
	const head = change.changed > 0 ? `Removed from “${change.album.title}”` : `Was not in “${change.album.title}”`;
	return `${head}, which now holds ${photos(change.count)}.${problems(change)}`;
}

export function createdText(change: MembershipChange): string {
	const kind = change.album.smart ? "smart album" : "album";
	return `Created the ${kind} “${change.album.title}” with ${photos(change.count)}.${problems(change)}`;
}

export function taggedText(summary: TagEditSummary, total: number): string {
	return `Tagged ${photos(total)}: ${summary.changed.toLocaleString("en-US")} changed, ${summary.unchanged.toLocaleString("en-US")} already as asked.${problems(summary)}`;
}
