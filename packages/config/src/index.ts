export { devSecretsRefusal } from "./dev-secrets";
export { ConfigError, loadConfig } from "./load-config";
export type { AppConfig } from "./schema";
