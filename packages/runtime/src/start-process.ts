import { type AppConfig, ConfigError, devSecretsRefusal, loadConfig } from "@gw/config";
import { prepareDatabase } from "@gw/db";
import { createLogger, type Logger } from "@gw/logger";

export interface StartProcessOptions {
  /** The logger's name: `api`, `worker`. */
  name: string;
  /**
   * Whether the process serves HTTP on HOST with the sessions and tokens the secrets protect (the
   * API): the development secrets then keep it on loopback. Production refuses them for every process.
   */
  listens: boolean;
}

/**
 * What every process does before its own work: the configuration, the logger, the refusal of the
 * public development secrets, and the database's migrations (applied when MIGRATE_ON_START, else
 * checked). Anything wrong ends the process with status 1 and a message that says what to change.
 */
export async function startProcess(options: StartProcessOptions): Promise<{ config: AppConfig; log: Logger }> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    // No logger yet: its level is part of the configuration that failed.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const log = createLogger({ name: options.name, level: config.logLevel });
  const refusal = devSecretsRefusal(config, { listens: options.listens });
  if (refusal) {
    log.fatal(refusal);
    process.exit(1);
  }
  if (config.secrets.usingDevDefaults)
    log.warn("using the built-in development SECRET_KEYS / SESSION_SECRET: they are public (never in production)");
  try {
    await prepareDatabase(config.databaseUrl, { migrate: config.migrateOnStart });
  } catch (error) {
    log.fatal((error as Error).message);
    process.exit(1);
  }
  return { config, log };
}
