import { type PgQueryDb, pgQuery } from "@gw/db";
import { DomainError } from "../errors/index";
import { CHANGE_RETENTION_CURSOR } from "../retention/index";
import { decodeCursor, encodeCursor } from "./change-cursor";
import {
  CHANGE_EVENT_SELECT,
  type ChangeEventRow,
  type ChangeEventView,
  toChangeEventView,
  VISIBLE_HORIZON,
} from "./change-event-view";

export interface ListParticipationOptions {
  db: PgQueryDb;
  accountId: string;
  /** The nextCursor of the previous page; the beginning when absent. */
  since?: string;
  limit?: number;
}

export interface ParticipationPage {
  items: ChangeEventView[];
  /** Pass as `since` for the next page (the same cursor again when nothing new was there). */
  nextCursor: string;
  /** More changes are ready now: fetch the next page at once. */
  hasMore: boolean;
}

export const MAX_FEED_LIMIT = 1000;

/**
 * Every change of a prospect's webinar state (registered, accepted, attended with minutes,
 * absent, cancelled, and engagement activities), in log order, paged by cursor. A page holds only
 * changes of transactions that have ended, so a change committed late can never fall behind a
 * cursor already handed out: no gaps and no repeats under concurrent writers.
 */
export async function listParticipation(options: ListParticipationOptions): Promise<ParticipationPage> {
  const from = decodeCursor(options.since);
  if (options.since) await refuseCursorPastRetention(options.db, from);
  const limit = Math.min(MAX_FEED_LIMIT, Math.max(1, options.limit ?? 100));
  const rows = await pgQuery<ChangeEventRow>(
    options.db,
    `SELECT ${CHANGE_EVENT_SELECT}
     WHERE c."accountId" = $1::uuid AND c."type" LIKE 'participation.%'
       AND (c."txid", c."id") > ($2::bigint, $3::bigint)
       AND c."txid" < ${VISIBLE_HORIZON}
     ORDER BY c."txid", c."id"
     LIMIT $4`,
    [options.accountId, from.txid, from.id, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toChangeEventView),
    nextCursor: encodeCursor(last ? { txid: last.txid, id: last.id } : from),
    hasMore: rows.length > limit,
  };
}

/**
 * Changes older than CHANGE_EVENT_RETENTION_DAYS are removed (once the outbound fan-out read them):
 * a cursor from before the removed range would silently skip them, so it is refused instead.
 */
async function refuseCursorPastRetention(db: PgQueryDb, from: { txid: string; id: string }): Promise<void> {
  const [stale] = await pgQuery<{ stale: boolean }>(
    db,
    `SELECT ($1::bigint, $2::bigint) < ("txid", "lastId") AS stale FROM "ChangeCursor" WHERE "name" = $3`,
    [from.txid, from.id, CHANGE_RETENTION_CURSOR],
  );
  if (stale?.stale) {
    throw new DomainError(
      "GONE",
      'Changes after this cursor are past their retention (CHANGE_EVENT_RETENTION_DAYS) and were removed: start again without "since" to read every change still kept.',
      { field: "since" },
    );
  }
}
