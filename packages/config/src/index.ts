export { loadConfig, ConfigError } from "./load-config";
export type { AppConfig } from "./schema";
