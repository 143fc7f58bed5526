import { databaseName, withDatabase } from "@gw/db";
import { DomainError } from "../errors/index";

/**
 * Runs `fn` holding a Postgres advisory lock for one connector's tokens, so that two processes
 * never refresh with the same refresh token (GoTo may rotate it and revoke the old one). The lock
 * lives on a connection of its own, not in a transaction, so the HTTP call inside holds no rows.
 * Waiting for it is Postgres's own queue, bounded by lock_timeout.
 */
export async function withConnectorLock<T>(
  options: { databaseUrl: string; connectorId: string; timeoutMs?: number },
  fn: () => Promise<T>,
): Promise<T> {
  const key = `gw:connector-tokens:${options.connectorId}`;
  const timeoutMs = Math.max(1, Math.round(options.timeoutMs ?? 30_000));
  return withDatabase(
    options.databaseUrl,
    async (client) => {
      await client.query(`SET lock_timeout = ${timeoutMs}`);
      try {
        await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
      } catch (error) {
        if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
        throw new DomainError(
          "UPSTREAM",
          "Another process is renewing this connector's GoTo tokens and has not finished; try again shortly.",
          { retryable: true },
          { cause: error },
        );
      }
      try {
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]).catch(() => undefined);
      }
    },
    databaseName(options.databaseUrl),
  );
}

/** Postgres's SQLSTATE when lock_timeout ran out. */
const LOCK_NOT_AVAILABLE = "55P03";
