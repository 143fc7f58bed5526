export { SecretBox, type SecretKey } from "./secret-box";
