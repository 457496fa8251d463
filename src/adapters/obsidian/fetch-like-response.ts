/** The answer of a request made for the webdav client outside fetch (requestUrl, Node's HTTP), shaped as the fetch Response it reads. */

/** What a transport got back: the status, the headers and the whole (small) answer body. */
export interface RawAnswer {
	status: number;
	headers: Record<string, string>;
	arrayBuffer: ArrayBuffer;
}

/** The parts of a fetch Response the webdav client reads. */
export class FetchLikeResponse {
	readonly status: number;
	readonly statusText: string;
	readonly ok: boolean;
	readonly headers: FetchLikeHeaders;

	constructor(
		readonly url: string,
		private readonly answer: RawAnswer,
	) {
		this.status = answer.status;
		this.statusText = STATUS_TEXT[answer.status] ?? "";
		this.ok = answer.status >= 200 && answer.status < 300;
		this.headers = new FetchLikeHeaders(answer.headers);
	}

	arrayBuffer(): Promise<ArrayBuffer> {
		return Promise.resolve(this.answer.arrayBuffer);
	}

	async text(): Promise<string> {
		return new TextDecoder().decode(await this.arrayBuffer());
	}

	async json(): Promise<unknown> {
		return JSON.parse(await this.text()) as unknown;
	}
}

/** Header names compared without case, as HTTP wants; values kept as received (no ISO-8859-1 check to fail on). */
class FetchLikeHeaders {
	private readonly byName = new Map<string, string>();

	constructor(headers: Record<string, string>) {
		for (const [name, value] of Object.entries(headers)) this.byName.set(name.toLowerCase(), String(value));
	}

	get(name: string): string | null {
		return this.byName.get(name.toLowerCase()) ?? null;
	}

	has(name: string): boolean {
		return this.byName.has(name.toLowerCase());
	}

	forEach(callback: (value: string, key: string) => void): void {
		for (const [name, value] of this.byName) callback(value, name);
	}
}

/** requestUrl gives no reason phrase; the client only puts it in messages. */
const STATUS_TEXT: Record<number, string> = {
	200: "OK",
	201: "Created",
	204: "No Content",
	206: "Partial Content",
	207: "Multi-Status",
	301: "Moved Permanently",
	302: "Found",
	304: "Not Modified",
	400: "Bad Request",
	401: "Unauthorized",
	403: "Forbidden",
	404: "Not Found",
	405: "Method Not Allowed",
	409: "Conflict",
	412: "Precondition Failed",
	416: "Range Not Satisfiable",
	423: "Locked",
	429: "Too Many Requests",
	500: "Internal Server Error",
	502: "Bad Gateway",
	503: "Service Unavailable",
	504: "Gateway Timeout",
	507: "Insufficient Storage",
};
