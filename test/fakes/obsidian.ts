// The alias target of `import … from "obsidian"` in tests (vitest.config.mts): a small fake of the API.
export * from "./obsidian/vault";
export * from "./obsidian/ui";
export * from "./obsidian/ui-suggest";
export { getAllTags } from "./obsidian/vault-metadata-cache";
