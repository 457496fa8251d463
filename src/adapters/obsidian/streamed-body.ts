/**
 * An upload body that is not handed to requestUrl whole: the request patch sees this marker as the webdav
 * client's request data and sends the request through the transport it carries, which streams the body.
 */
import type { UploadBody } from "../../core/ports/target";
import type { RawAnswer } from "./fetch-like-response";

/** One request whose body streams, as the webdav client prepared it (its auth headers included). */
export interface StreamedRequest {
	url: string;
	method: string;
	headers: Record<string, string>;
	body: UploadBody;
	signal?: AbortSignal;
}

/** Sends a request, reading the body as the connection takes it; rejects with the transport's error when no answer came. */
export type StreamingTransport = (request: StreamedRequest) => Promise<RawAnswer>;

export class StreamedBody {
	constructor(
		readonly body: UploadBody,
		readonly transport: StreamingTransport,
	) {}
}
