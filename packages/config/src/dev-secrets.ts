import type { AppConfig } from "./schema";

const isLoopback = (host: string) => host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * Why the API must not listen, or null. The built-in development secrets are public (they are in
 * this repository): anyone reaching the port could forge sessions and read tokens encrypted with
 * them, so they serve loopback only unless ALLOW_DEV_SECRETS=true says otherwise on purpose.
 */
export function devSecretsRefusal(config: Pick<AppConfig, "secrets" | "http">): string | null {
  if (!config.secrets.usingDevDefaults || config.secrets.allowDevDefaults || isLoopback(config.http.host)) return null;
  return `Refusing to listen on ${config.http.host} with the built-in development SECRET_KEYS / SESSION_SECRET: set both (see README "Configuration"), listen on 127.0.0.1 (HOST), or set ALLOW_DEV_SECRETS=true to accept the risk.`;
}
