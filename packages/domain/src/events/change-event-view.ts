/** A change as other systems see it (the participation feed and outbound events alike). */
export interface ChangeEventView {
  /** Stable across pages, retries and replays: `evt_<n>`. */
  id: string;
  type: string;
  occurredAt: Date;
  prospect: ProspectRef | null;
  webinar: WebinarRef | null;
  /** Minutes attended (participation.attended). */
  minutes?: number;
  /** The type's own facts: the activity's details, the list, the failure… */
  details: Record<string, unknown>;
}

export interface ProspectRef {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  /** The consents the person gave on forms, by name: { text, version, given, givenAt, formId }. */
  consents: Record<string, unknown>;
  erased: boolean;
}

export interface WebinarRef {
  id: string;
  webinarKey: string;
  subject: string;
  startsAt: Date;
}

/** One row of CHANGE_EVENT_COLUMNS. */
export interface ChangeEventRow {
  id: string;
  txid: string;
  account_id: string;
  type: string;
  data: Record<string, unknown>;
  occurred_at: Date;
  prospect_id: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  consents: Record<string, unknown> | null;
  erased_at: Date | null;
  webinar_id: string | null;
  webinar_key: string | null;
  subject: string | null;
  starts_at: Date | null;
}

/** The select list and joins that turn a "ChangeEvent" row (alias c) into a ChangeEventRow. */
export const CHANGE_EVENT_SELECT = `
  c."id"::text AS id, c."txid"::text AS txid, c."accountId" AS account_id, c."type", c."data",
  c."occurredAt" AS occurred_at,
  p."id" AS prospect_id, p."email", p."firstName" AS first_name, p."lastName" AS last_name, p."company",
  p."consents", p."erasedAt" AS erased_at,
  w."id" AS webinar_id, w."webinarKey" AS webinar_key, w."subject", w."startsAt" AS starts_at
  FROM "ChangeEvent" c
  LEFT JOIN "Prospect" p ON p."id" = c."prospectId"
  LEFT JOIN "Webinar" w ON w."id" = c."webinarId"`;

/**
 * Rows of transactions below this id are final: every such transaction had ended when this
 * statement's snapshot was taken, so none can still add a row behind a cursor. It is the
 * snapshot's oldest running transaction, leaving out those seen running in other databases of
 * the server (they cannot write here; a long one elsewhere would otherwise hold the feed back),
 * or the snapshot's xmax when none runs. A transaction that ended before it could be looked up
 * counts as ours: that errs towards waiting, never towards skipping. backend_xid is 32 bits,
 * snapshot ids 64 (epoch + xid): compared on the low 32 bits, which concurrent ids never share.
 */
export const VISIBLE_HORIZON = `(SELECT LEAST((pg_snapshot_xmax(snap.s)::text)::bigint,
    (SELECT min((x::text)::bigint) FROM pg_snapshot_xip(snap.s) x
      WHERE ((x::text)::bigint % 4294967296) NOT IN (
        SELECT (backend_xid::text)::bigint FROM pg_stat_activity
        WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database())))
  FROM (SELECT pg_current_snapshot() AS s) snap)`;

export const eventIdOf = (changeId: string) => `evt_${changeId}`;

function minutesOf(row: ChangeEventRow): number | undefined {
  if (row.type !== "participation.attended") return undefined;
  const details = (row.data.details ?? {}) as Record<string, unknown>;
  const minutes = details.attendanceMinutes ?? details.minutes;
  if (typeof minutes === "number") return minutes;
  const seconds = details.attendanceSeconds;
  return typeof seconds === "number" ? Math.round(seconds / 60) : undefined;
}

export function toChangeEventView(row: ChangeEventRow): ChangeEventView {
  const { details, ...rest } = row.data as { details?: Record<string, unknown> };
  return {
    id: eventIdOf(row.id),
    type: row.type,
    occurredAt: row.occurred_at,
    prospect: row.prospect_id
      ? {
          id: row.prospect_id,
          email: row.erased_at ? null : row.email,
          firstName: row.first_name,
          lastName: row.last_name,
          company: row.company,
          consents: row.consents ?? {},
          erased: row.erased_at !== null,
        }
      : null,
    webinar: row.webinar_id
      ? { id: row.webinar_id, webinarKey: row.webinar_key ?? "", subject: row.subject ?? "", startsAt: row.starts_at! }
      : null,
    ...(minutesOf(row) !== undefined ? { minutes: minutesOf(row) } : {}),
    details: { ...rest, ...(details ?? {}) },
  };
}
