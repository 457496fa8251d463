// Test photo records: a fully described iPhone photo by default, any field overridable.
import { EMPTY_METADATA, type PhotoMetadata } from "../../../src/core/model/photo-metadata";
import type { PhotoRecord } from "../../../src/core/model/photo-record";

export const SHA = "3f".repeat(32);

export function photoMeta(overrides: Partial<PhotoMetadata> = {}): PhotoMetadata {
	return {
		...EMPTY_METADATA,
		taken: "2024-06-01T14:03:22.120+02:00",
		takenSource: "exif",
		make: "Apple",
		model: "iPhone 15 Pro",
		lens: "iPhone 15 Pro back triple camera 6.765mm f/1.78",
		focalLength: 6.765,
		aperture: 1.78,
		exposureTime: 0.004,
		iso: 80,
		latitude: 48.8584,
		longitude: 2.2945,
		altitude: 35.4,
		width: 4032,
		height: 3024,
		orientation: 1,
		mime: "image/heic",
		...overrides,
	};
}

export function photoRecord(overrides: Partial<Omit<PhotoRecord, "meta">> & { meta?: Partial<PhotoMetadata> } = {}): PhotoRecord {
	const { meta, ...rest } = overrides;
	return {
		path: "Photos/2024/IMG_0001.HEIC",
		size: 2_412_345,
		mtimeMs: 1_717_243_402_000,
		sha256: SHA,
		note: "Photo Notes/Photos/2024/IMG_0001.HEIC.md",
		...rest,
		meta: photoMeta(meta),
	};
}
