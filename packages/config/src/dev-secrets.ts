import type { AppConfig } from "./schema";

const isLoopback = (host: string) => host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * Why the process must not start, or null. The built-in development secrets are public (they are
 * in this repository): with them anyone could forge sessions and read the tokens they encrypt. So
 * production never runs on them (copied into SECRET_KEYS / SESSION_SECRET, or otherwise), and a
 * process that `listens` (the API) serves loopback only unless ALLOW_DEV_SECRETS=true says
 * otherwise on purpose.
 */
export function devSecretsRefusal(
  config: Pick<AppConfig, "env" | "secrets" | "http">,
  options: { listens: boolean },
): string | null {
  if (!config.secrets.usingDevDefaults) return null;
  if (config.env === "production")
    return `Refusing to start with NODE_ENV=production and the built-in development SECRET_KEYS / SESSION_SECRET: they are public, set your own (see README "Configuration").`;
  if (!options.listens || config.secrets.allowDevDefaults || isLoopback(config.http.host)) return null;
  return `Refusing to listen on ${config.http.host} with the built-in development SECRET_KEYS / SESSION_SECRET: set both (see README "Configuration"), listen on 127.0.0.1 (HOST), or set ALLOW_DEV_SECRETS=true to accept the risk.`;
}
