import { databaseName, withDatabase } from "@gw/db";
import { DomainError } from "../errors/index";

const POLL_MS = 100;

/**
 * Runs `fn` holding a Postgres advisory lock for one connector's tokens, so that two processes
 * never refresh with the same refresh token (GoTo may rotate it and revoke the old one). The lock
 * lives on a connection of its own, not in a transaction, so the HTTP call inside holds no rows.
 */
export async function withConnectorLock<T>(
  options: { databaseUrl: string; connectorId: string; timeoutMs?: number },
  fn: () => Promise<T>,
): Promise<T> {
  const key = `gw:connector-tokens:${options.connectorId}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  return withDatabase(
    options.databaseUrl,
    async (client) => {
      for (;;) {
        const { rows } = await client.query<{ locked: boolean }>(
          "SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked",
          [key],
        );
        if (rows[0]?.locked) break;
        if (Date.now() >= deadline) {
          throw new DomainError(
            "UPSTREAM",
            "Another process is renewing this connector's GoTo tokens and has not finished; try again shortly.",
            {
              retryable: true,
            },
          );
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
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
