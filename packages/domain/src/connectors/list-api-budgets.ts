import type { Db } from "@gw/db";
import type { UsageLedger, UsageWindow } from "./goto-usage";

export interface ListApiBudgetsOptions {
  db: Pick<Db, "connector">;
  accountId: string;
  ledger: UsageLedger;
  /** GoTo's limit for one OAuth client (GOTO_REQUESTS_PER_SECOND). */
  requestsPerSecond: number;
  now?: Date;
}

export interface ApiBudget {
  connectorId: string;
  name: string;
  /** The connector has an OAuth client of its own; otherwise it shares the service's budget with the other such connectors. */
  ownOAuthClient: boolean;
  lastHour: UsageWindow & { limit: number };
  lastDay: UsageWindow & { limit: number };
}

/**
 * Each connector's use of GoTo's request budget in the last hour and day, against the limit,
 * with its 429s and what the requests were for (polls, attendance, registrations, webhooks).
 */
export async function listApiBudgets(options: ListApiBudgetsOptions): Promise<ApiBudget[]> {
  const connectors = await options.db.connector.findMany({
    where: { accountId: options.accountId, deletedAt: null },
    select: { id: true, name: true, oauthClientId: true, oauthClientSecretEnc: true },
    orderBy: { name: "asc" },
  });
  const perSecond = options.requestsPerSecond;
  return Promise.all(
    connectors.map(async (c) => {
      const usage = await options.ledger.read(c.id, options.now);
      return {
        connectorId: c.id,
        name: c.name,
        ownOAuthClient: Boolean(c.oauthClientId && c.oauthClientSecretEnc),
        lastHour: { ...usage.lastHour, limit: Math.round(perSecond * 3600) },
        lastDay: { ...usage.lastDay, limit: Math.round(perSecond * 86_400) },
      };
    }),
  );
}
