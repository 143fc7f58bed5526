import { type PgQueryDb, pgQuery } from "@gw/db";

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
 * failed, erased) to the change log. Pass a transaction's client to commit it with the change.
 */
export async function recordChangeEvents(options: { db: PgQueryDb; events: ChangeEventInput[] }): Promise<void> {
  const { db, events } = options;
  if (events.length === 0) return;
  await pgQuery(
    db,
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
