/**
 * Create-only writes: `If-None-Match: *` makes the server refuse (412) to store an object where one exists,
 * closing the gap between our HEAD and our PUT. Ceph, AWS (since 2024), MinIO and R2 honour it; a server that
 * answers 501 Not Implemented gets the request again without it, and is not asked with it again.
 */
import { TargetError } from "../../model/target-error";
import type { HttpResponse } from "../../ports/http-transport";
import type { S3Http, S3Request } from "./s3-http";

export class ConditionalWrites {
	private supported: boolean | undefined;

	/** What the server showed so far: undefined until a create-only write was answered. */
	get honoured(): boolean | undefined {
		return this.supported;
	}

	async send(http: S3Http, request: S3Request): Promise<HttpResponse> {
		if (this.supported !== false) {
			let response: HttpResponse;
			try {
				response = await http.send({ ...request, headers: { ...request.headers, "if-none-match": "*" }, accept: [...(request.accept ?? []), 501] });
			} catch (error) {
				if (error instanceof TargetError && error.code === "exists") this.supported = true;
				throw error;
			}
			if (response.status !== 501) {
				this.supported = true;
				return response;
			}
			this.supported = false;
		}
		return http.send(request);
	}
}
