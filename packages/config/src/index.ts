export { devSecretsRefusal } from "./dev-secrets";
export { ConfigError, loadConfig } from "./load-config";
export { type AppConfig, DEV_SECRETS } from "./schema";
