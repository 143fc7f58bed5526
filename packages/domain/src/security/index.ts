export { jsonNestingDepth } from "./json-depth";
export { SecretBox, type SecretKey } from "./secret-box";
