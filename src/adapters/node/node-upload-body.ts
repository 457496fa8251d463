/** Upload bodies for the webdav package's Node build: a stream read from disk as it is sent, memory bounded. */
import { Readable } from "node:stream";
import type { UploadBody } from "../../core/ports/target";

/** The target sets Content-Length from `body.size`, so the stream goes out as is, not chunk-encoded. */
export function encodeNodeBody(body: UploadBody): Promise<unknown> {
	return Promise.resolve(Readable.from(body.open(), { objectMode: false }));
}
