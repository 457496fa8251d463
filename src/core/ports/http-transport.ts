/**
 * Plain HTTP for targets that speak it directly (S3): one request, one whole answer. Bodies are whole byte
 * arrays both ways, so every host can carry them (requestUrl inside Obsidian takes nothing else); callers
 * keep them bounded (S3 uploads large files in parts, and reads in ranges).
 */

export interface HttpRequest {
	method: string;
	url: string;
	/** Sent as given; the transport adds nothing but what its platform must (Host, Content-Length). */
	headers: Record<string, string>;
	body?: Uint8Array;
	signal?: AbortSignal;
}

export interface HttpResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string>;
	body: Uint8Array;
}

/**
 * Contract: resolves with any status the server answers (4xx and 5xx included: the caller reads the error
 * document); rejects only when no answer came — connection refused or dropped, TLS failure, abort —
 * with a TargetError ("transient", "tls" or "cancelled") that says which in plain words.
 */
export interface HttpTransport {
	request(request: HttpRequest): Promise<HttpResponse>;
}
