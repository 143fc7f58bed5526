import { type AppConfig, envSchema, toConfig } from "./schema";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads and validates every setting once, at start-up. Every problem is reported at once so an
 * operator fixes them in one go; secret values are never echoed back.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set" (docker-compose writes FOO= for unset ones).
  const env = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path.join(".") || "(environment)";
        const missing = issue.code === "invalid_type" && env[key] === undefined;
        return missing ? `${key} is missing` : `${key} ${issue.message}`;
      }),
    );
  }
  return Object.freeze(toConfig(parsed.data));
}
