import { SIGNATURE_SCHEMES, type SignatureScheme } from "@gw/webhook-signature";
import { REFRESH_MODES, type RefreshMode, type SimOptions } from "./options";

export interface StandaloneConfig {
  port: number;
  host: string;
  scenarioPath?: string;
  options: SimOptions;
}

/**
 * Reads the standalone server's environment once. Every bad variable is reported together, so
 * a misconfigured container fails with one complete message.
 */
export function parseEnv(env: Record<string, string | undefined>): StandaloneConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === "") return undefined;
    if (!allowed.includes(raw as T)) {
      problems.push(`${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(raw)}`);
      return undefined;
    }
    return raw as T;
  };
  const bool = (name: string): boolean | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === "") return undefined;
    if (raw === "true" || raw === "1") return true;
    if (raw === "false" || raw === "0") return false;
    problems.push(`${name} must be true or false, got ${JSON.stringify(raw)}`);
    return undefined;
  };

  const port = int("SIM_PORT", 4100, 0, 65535);
  const host = env.SIM_HOST || "127.0.0.1";
  const rateLimit = int("SIM_RATE_LIMIT", 10, 0, 100_000);
  const seed = env.SIM_SEED ? int("SIM_SEED", 0, 0, 2 ** 31 - 1) : undefined;
  const signatureScheme = oneOf<SignatureScheme>("SIM_SIGNATURE_SCHEME", SIGNATURE_SCHEMES);
  const refreshMode = oneOf<RefreshMode>("SIM_REFRESH_MODE", REFRESH_MODES);
  const autoApprove = bool("SIM_AUTO_APPROVE");
  const includeKeys = bool("SIM_INCLUDE_KEYS_IN_TOKEN");
  const logger = bool("SIM_LOG");
  const redirectUris = (env.SIM_REDIRECT_URIS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const uri of redirectUris) {
    if (!URL.canParse(uri)) problems.push(`SIM_REDIRECT_URIS holds an invalid URL: ${JSON.stringify(uri)}`);
  }
  if (env.SIM_PUBLIC_URL && !URL.canParse(env.SIM_PUBLIC_URL)) {
    problems.push(`SIM_PUBLIC_URL must be a URL, got ${JSON.stringify(env.SIM_PUBLIC_URL)}`);
  }
  if (env.SIM_CLIENT_ID === "") problems.push("SIM_CLIENT_ID must not be empty");
  if (env.SIM_CLIENT_SECRET === "") problems.push("SIM_CLIENT_SECRET must not be empty");
  if (problems.length > 0) throw new Error(`Invalid simulator configuration:\n  - ${problems.join("\n  - ")}`);

  return {
    port,
    host,
    scenarioPath: env.SIM_SCENARIO || undefined,
    options: {
      clientId: env.SIM_CLIENT_ID,
      clientSecret: env.SIM_CLIENT_SECRET,
      redirectUris,
      rateLimitPerSecond: rateLimit,
      signatureScheme,
      refreshMode,
      autoApprove,
      includeKeysInTokenResponse: includeKeys,
      seed,
      publicUrl: env.SIM_PUBLIC_URL || undefined,
      logger: logger ?? false,
    },
  };
}
