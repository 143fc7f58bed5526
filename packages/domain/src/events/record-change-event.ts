import { type PgQueryDb, type PgTransactionQuery, pgQuery } from "@gw/db";

export interface ChangeEventInput {
  accountId: string;
  type: string;
  prospectId?: string | null;
  webinarId?: string | null;
  data?: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * Appends events the tables' triggers cannot see (form submitted, registration failed, connector
 * failed, erased) to the change log. Pass a transaction's client, or a `pgTransaction`'s query, to
 * commit it with the change.
 */
export async function recordChangeEvents(options: {
  db: PgQueryDb | PgTransactionQuery;
  events: ChangeEventInput[];
}): Promise<void> {
  const { db, events } = options;
  if (events.length === 0) return;
  const query: PgTransactionQuery = typeof db === "function" ? db : (text, values) => pgQuery(db, text, values);
  await query(
    `INSERT INTO "ChangeEvent" ("accountId", "type", "prospectId", "webinarId", "data", "occurredAt")
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::jsonb[], $6::timestamptz[])`,
    [
      events.map((e) => e.accountId),
      events.map((e) => e.type),
      events.map((e) => e.prospectId ?? null),
      events.map((e) => e.webinarId ?? null),
      events.map((e) => JSON.stringify(e.data ?? {})),
      events.map((e) => e.occurredAt ?? new Date()),
    ],
  );
}
