import { type Db, type PgQueryDb, type Prisma, pgQuery, type SyncKind, type WebinarStatus } from "@gw/db";
import { type GotoClient, GotoNotFoundError } from "@gw/gotowebinar";
import { linkWebinarPrograms } from "../engagement/link-webinar-programs";
import {
  type GotoWebinarLike,
  mapGotoWebinar,
  sessionsOf,
  type WebinarFields,
  webinarStatusAt,
} from "./map-goto-webinar";
import { type PollingSettings, planWebinarSync } from "./polling-policy";
import { finishSucceededSyncRun, finishSyncRun, startSyncRun } from "./record-sync-run";
import type { ConnectGoto } from "./sync-webinar";
import type { SyncCounts, SyncRunResult } from "./types";
import { upsertWebinarSessions } from "./upsert-webinar-sessions";

export type DiscoveryClient = Pick<GotoClient, "listWebinars" | "getWebinar" | "listOrganizerSessions">;

export interface DiscoverySettings extends PollingSettings {
  /** Past webinars kept in sync (and backfilled): default 90 days. */
  lookbackDays: number;
  discoveryEveryMinutes: number;
}

/** How far ahead discovery lists webinars. GoTo documents no maximum range. */
export const DISCOVERY_HORIZON_DAYS = 365;
/** Missing webinars confirmed one by one per run, at most (each is one GET). */
const MAX_CONFIRMATIONS = 50;
const DAY = 86_400_000;

export interface DiscoverWebinarsOptions {
  db: Db;
  connectorId: string;
  connectGoto: ConnectGoto<DiscoveryClient>;
  settings: DiscoverySettings;
  /** "backfill": the first run after verification, which also loads past webinars' sessions and syncs them all. */
  mode: "discovery" | "backfill";
  dueAt?: Date | null;
  jobId?: string;
  now?: () => Date;
}

export type DiscoverWebinarsResult = SyncRunResult<{
  /** Webinars due now (new ones, changed ones, backfilled ones): enqueue them after this returns. */
  dueWebinarIds: string[];
}>;

interface WebinarWrite extends WebinarFields {
  status: WebinarStatus;
  nextPollAt: Date | null;
  nextAttendanceSyncAt: Date | null;
  attendanceSyncs: number;
  attendanceFinalAt: Date | null;
}

/** A write, and the row's times and status as this discovery read them (null: new to us). */
interface WebinarUpsert extends WebinarWrite {
  readAs: { times: Prisma.JsonValue; status: WebinarStatus } | null;
}

/** A webinar as stored: what discovery writes, plus its id and cancellation time. */
interface KnownWebinar extends Omit<WebinarWrite, "times"> {
  id: string;
  times: Prisma.JsonValue;
  cancelledAt: Date | null;
}

const sameFields = (known: KnownWebinar, fields: WebinarFields) =>
  known.webinarId === fields.webinarId &&
  known.subject === fields.subject &&
  known.description === fields.description &&
  known.timeZone === fields.timeZone &&
  known.recurrenceType === fields.recurrenceType &&
  known.recurrenceKey === fields.recurrenceKey &&
  known.experienceType === fields.experienceType &&
  known.isOndemand === fields.isOndemand &&
  known.registrationUrl === fields.registrationUrl &&
  known.approvalType === fields.approvalType &&
  sameTimes(known, fields);

const sameTimes = (known: KnownWebinar, fields: WebinarFields) =>
  known.startsAt.getTime() === fields.startsAt.getTime() &&
  known.endsAt.getTime() === fields.endsAt.getTime() &&
  JSON.stringify(sessionsOf(known.times)) === JSON.stringify(sessionsOf(fields.times));

const earlier = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * Lists the connector's webinars from `lookbackDays` ago to a year ahead and brings our copy in
 * line: new webinars are scheduled at once, changed times move the schedule, webinars that
 * vanished before their end are confirmed with a GET and, on 404, CANCELLED. Past webinars
 * that vanish are left as they were: their registrations and attendance remain history.
 */
export async function discoverWebinars(options: DiscoverWebinarsOptions): Promise<DiscoverWebinarsResult> {
  const { db, settings, mode } = options;
  const clock = options.now ?? (() => new Date());
  const connector = await db.connector.findUnique({ where: { id: options.connectorId } });
  if (!connector) return { status: "skipped", reason: "connector no longer exists" };
  if (connector.deletedAt) return { status: "skipped", reason: "connector was deleted" };
  if (connector.status !== "VERIFIED") return { status: "skipped", reason: `connector is ${connector.status}` };
  if (mode === "backfill" && !connector.backfillDueAt) return { status: "skipped", reason: "backfill already done" };
  const doneAt = mode === "backfill" ? connector.backfilledAt : connector.lastSyncAt;
  if (options.dueAt && doneAt && doneAt >= options.dueAt)
    return { status: "skipped", reason: "already ran since it was due" };

  const startedAt = clock();
  const kind: SyncKind = mode === "backfill" ? "BACKFILL" : "DISCOVERY";
  const run = await startSyncRun({
    db,
    kind,
    accountId: connector.accountId,
    connectorId: connector.id,
    jobId: options.jobId,
  });
  let apiRequests = 0;
  try {
    const goto = await options.connectGoto(connector, { onRequest: () => apiRequests++ });
    const organizerKey = connector.organizerKey ?? undefined;
    const from = new Date(startedAt.getTime() - settings.lookbackDays * DAY);
    const to = new Date(startedAt.getTime() + DISCOVERY_HORIZON_DAYS * DAY);

    // What we know is read before GoTo is asked: a webhook applied after this read changes a row's
    // times or status, and the write below then leaves that row alone (its news may be newer than
    // the list GoTo gave us, which it would otherwise overwrite with the times from before a move).
    const known = (await db.webinar.findMany({
      where: { connectorId: connector.id, endsAt: { gte: from } },
      select: {
        id: true,
        webinarKey: true,
        webinarId: true,
        subject: true,
        description: true,
        timeZone: true,
        recurrenceType: true,
        recurrenceKey: true,
        experienceType: true,
        isOndemand: true,
        registrationUrl: true,
        approvalType: true,
        startsAt: true,
        endsAt: true,
        times: true,
        status: true,
        cancelledAt: true,
        nextPollAt: true,
        nextAttendanceSyncAt: true,
        attendanceSyncs: true,
        attendanceFinalAt: true,
      },
    })) as KnownWebinar[];
    // --- Everything GoTo has to say next; no transaction is open during HTTP.
    const { webinars: listed } = await goto.listWebinars({ organizerKey, fromTime: from, toTime: to, fetchAll: true });
    const knownByKey = new Map(known.map((w) => [w.webinarKey, w]));

    const seen = new Map<string, WebinarFields>();
    let skipped = 0;
    for (const item of listed) {
      const fields = mapGotoWebinar(item as GotoWebinarLike);
      if (fields) seen.set(fields.webinarKey, fields);
      else skipped++;
    }

    const now = clock();
    const missing = known.filter((w) => w.status !== "CANCELLED" && w.endsAt > now && !seen.has(w.webinarKey));
    const cancelledIds: string[] = [];
    for (const webinar of missing.slice(0, MAX_CONFIRMATIONS)) {
      try {
        const details = await goto.getWebinar({ organizerKey, webinarKey: webinar.webinarKey });
        const fields = mapGotoWebinar(details as GotoWebinarLike);
        if (fields) seen.set(fields.webinarKey, fields); // moved out of the listed range
      } catch (error) {
        if (!(error instanceof GotoNotFoundError)) throw error;
        cancelledIds.push(webinar.id);
      }
    }

    const sessions =
      mode === "backfill"
        ? (await goto.listOrganizerSessions({ organizerKey, fromTime: from, toTime: now, fetchAll: true })).sessions
        : [];

    // --- Writes: a few batch statements.
    const writes: WebinarUpsert[] = [];
    let created = 0;
    let changed = 0;
    for (const fields of seen.values()) {
      const existing = knownByKey.get(fields.webinarKey);
      if (existing && existing.status !== "CANCELLED" && sameFields(existing, fields)) continue;
      const write = scheduleFor(fields, existing, now, settings);
      writes.push({ ...write, readAs: existing ? { times: existing.times, status: existing.status } : null });
      if (existing) changed++;
      else created++;
    }
    const upserted = await upsertWebinars(db, connector, writes, now);
    if (writes.length > 0) await linkWebinarPrograms({ db, connectorId: connector.id });

    if (cancelledIds.length > 0) {
      await db.webinar.updateMany({
        where: { id: { in: cancelledIds }, status: { not: "CANCELLED" } },
        data: { status: "CANCELLED", cancelledAt: now, nextPollAt: null, nextAttendanceSyncAt: null },
      });
    }

    let backfilled = 0;
    if (mode === "backfill") {
      const idByKey = new Map([
        ...known.map((w) => [w.webinarKey, w.id] as const),
        ...upserted.map((w) => [w.webinarKey, w.id] as const),
      ]);
      await upsertWebinarSessions({
        db,
        sessions: sessions.flatMap((s) => {
          const webinarId = idByKey.get(s.webinarKey);
          return webinarId
            ? [
                {
                  webinarId,
                  sessionKey: s.sessionKey,
                  startTime: s.startTime,
                  endTime: s.endTime,
                  registrantsAttended: s.registrantsAttended,
                },
              ]
            : [];
        }),
      });
      // Every past webinar of the window gets its registrants and attendance now.
      backfilled = await db.webinar
        .updateMany({
          where: { connectorId: connector.id, status: { not: "CANCELLED" }, endsAt: { gte: from, lte: now } },
          data: { nextPollAt: null, nextAttendanceSyncAt: now, attendanceFinalAt: null },
        })
        .then((r) => r.count);
    }

    const finishedAt = clock();
    await db.connector.update({
      where: { id: connector.id },
      data: {
        lastSyncAt: finishedAt,
        nextDiscoveryAt: new Date(finishedAt.getTime() + settings.discoveryEveryMinutes * 60_000),
        ...(mode === "backfill" ? { backfilledAt: finishedAt } : {}),
      },
    });
    if (mode === "backfill") {
      // Only the request this run answered: a re-verification meanwhile asks for another one.
      await db.connector.updateMany({
        where: { id: connector.id, backfillDueAt: { lte: startedAt } },
        data: { backfillDueAt: null },
      });
    }

    const dueWebinarIds = await listDueWebinarIds(db, connector.id, finishedAt);

    const counts: SyncCounts = { fetched: listed.length, created, updated: changed + cancelledIds.length, skipped };
    return finishSucceededSyncRun(
      { db, run, kind, counts, apiRequests, now: finishedAt },
      {
        dueWebinarIds,
        details: {
          listed: listed.length,
          created,
          changed,
          cancelled: cancelledIds.length,
          sessions: sessions.length,
          backfilled,
          apiRequests,
        },
      },
    );
  } catch (error) {
    const now = clock();
    await finishSyncRun({ db, run, apiRequests, error, now }).catch(() => undefined);
    // Retries happen inside the job; this keeps a failing connector off every dispatcher tick.
    const later = new Date(now.getTime() + settings.discoveryEveryMinutes * 60_000);
    await db.connector
      .update({
        where: { id: connector.id },
        data: mode === "backfill" ? { backfillDueAt: later } : { nextDiscoveryAt: later },
      })
      .catch(() => undefined);
    throw error;
  }
}

/** The schedule of a new, reappeared or changed webinar. */
function scheduleFor(
  fields: WebinarFields,
  existing: KnownWebinar | undefined,
  now: Date,
  settings: PollingSettings,
): WebinarWrite {
  const status = webinarStatusAt(fields, now);
  const plan = planWebinarSync({ schedule: { ...fields, sessions: sessionsOf(fields.times) }, now, settings });
  const ended = fields.endsAt <= now;
  const dueNowOrPlanned = (at: Date | null) => (at && at < now ? now : at);
  if (!existing || existing.status === "CANCELLED") {
    // New to us: registrants at once; attendance as soon as GoTo has it.
    return {
      ...fields,
      status,
      nextPollAt: ended ? null : now,
      nextAttendanceSyncAt: dueNowOrPlanned(plan.nextAttendanceSyncAt),
      attendanceSyncs: 0,
      attendanceFinalAt: null,
    };
  }
  if (sameTimes(existing, fields) || (ended && existing.endsAt <= now)) {
    // Only the subject, description, ... changed (or an ended webinar's times): keep its schedule.
    return {
      ...fields,
      status: existing.status,
      nextPollAt: existing.nextPollAt,
      nextAttendanceSyncAt: existing.nextAttendanceSyncAt,
      attendanceSyncs: existing.attendanceSyncs,
      attendanceFinalAt: existing.attendanceFinalAt,
    };
  }
  // Moved: the new distance decides the poll interval (never later than already planned),
  // and the attendance syncs start over from the new end.
  return {
    ...fields,
    status,
    nextPollAt: ended ? null : earlier(existing.nextPollAt, plan.nextPollAt),
    nextAttendanceSyncAt: dueNowOrPlanned(plan.nextAttendanceSyncAt),
    attendanceSyncs: 0,
    attendanceFinalAt: null,
  };
}

/** The columns of a discovery write as unnest takes them (name in the statement, array type)... */
const WRITE_COLUMNS = `webinar_key text, webinar_id text, subject text, description text, time_zone text,
  recurrence_type text, recurrence_key text, experience_type text, is_ondemand boolean, registration_url text,
  approval_type text, starts_at timestamptz, ends_at timestamptz, times jsonb, status text, next_poll_at timestamptz,
  next_attendance_sync_at timestamptz, attendance_syncs int, attendance_final_at timestamptz, read_times jsonb,
  read_status text`
  .split(",")
  .map((column) => column.trim().split(" ") as [name: string, type: string]);
/** ...and a write's values in the same order. */
const writeValues = (w: WebinarUpsert): unknown[] => [
  w.webinarKey,
  w.webinarId,
  w.subject,
  w.description,
  w.timeZone,
  w.recurrenceType,
  w.recurrenceKey,
  w.experienceType,
  w.isOndemand,
  w.registrationUrl,
  w.approvalType,
  w.startsAt,
  w.endsAt,
  JSON.stringify(w.times),
  w.status,
  w.nextPollAt,
  w.nextAttendanceSyncAt,
  w.attendanceSyncs,
  w.attendanceFinalAt,
  w.readAs ? JSON.stringify(w.readAs.times) : null,
  w.readAs?.status ?? null,
];
const FIRST_COLUMN_PARAM = 4; // after $1 account, $2 connector, $3 seen-at

async function upsertWebinars(
  db: PgQueryDb,
  connector: { id: string; accountId: string },
  writes: WebinarUpsert[],
  now: Date,
) {
  if (writes.length === 0) return [];
  const rows = writes.map(writeValues);
  const param = (column: string) => {
    const i = WRITE_COLUMNS.findIndex(([name]) => name === column);
    return `$${i + FIRST_COLUMN_PARAM}::${WRITE_COLUMNS[i]?.[1]}[]`;
  };
  const arrays = WRITE_COLUMNS.map(([name]) => param(name)).join(", ");
  const names = WRITE_COLUMNS.map(([name]) => name).join(", ");
  return pgQuery<{ id: string; webinarKey: string; inserted: boolean }>(
    db,
    `INSERT INTO "Webinar" (
      "accountId", "connectorId", "webinarKey", "webinarId", "subject", "description", "timeZone", "recurrenceType",
      "recurrenceKey", "experienceType", "isOndemand", "registrationUrl", "approvalType", "startsAt", "endsAt", "times", "status", "cancelledAt", "nextPollAt",
      "nextAttendanceSyncAt", "attendanceSyncs", "attendanceFinalAt", "lastSeenAt", "updatedAt")
    SELECT $1::uuid, $2::uuid, i.webinar_key, i.webinar_id, i.subject, i.description, i.time_zone,
      i.recurrence_type, i.recurrence_key, i.experience_type, i.is_ondemand, i.registration_url, i.approval_type, i.starts_at, i.ends_at, i.times, i.status::"WebinarStatus", NULL,
      i.next_poll_at, i.next_attendance_sync_at, i.attendance_syncs, i.attendance_final_at, $3::timestamptz, now()
    FROM unnest(${arrays}) AS i(${names})
    ON CONFLICT ("connectorId", "webinarKey") DO UPDATE SET
      "webinarId" = EXCLUDED."webinarId", "subject" = EXCLUDED."subject", "description" = EXCLUDED."description",
      "timeZone" = EXCLUDED."timeZone", "recurrenceType" = EXCLUDED."recurrenceType",
      "recurrenceKey" = COALESCE(EXCLUDED."recurrenceKey", "Webinar"."recurrenceKey"),
      "experienceType" = EXCLUDED."experienceType", "isOndemand" = EXCLUDED."isOndemand",
      "registrationUrl" = EXCLUDED."registrationUrl", "approvalType" = EXCLUDED."approvalType",
      "startsAt" = EXCLUDED."startsAt", "endsAt" = EXCLUDED."endsAt", "times" = EXCLUDED."times",
      "status" = EXCLUDED."status", "cancelledAt" = NULL, "nextPollAt" = EXCLUDED."nextPollAt",
      "nextAttendanceSyncAt" = EXCLUDED."nextAttendanceSyncAt", "attendanceSyncs" = EXCLUDED."attendanceSyncs",
      "attendanceFinalAt" = EXCLUDED."attendanceFinalAt", "lastSeenAt" = EXCLUDED."lastSeenAt", "updatedAt" = now()
    -- Someone else (a webhook) changed its times or status since this discovery read it: theirs stands.
    WHERE NOT EXISTS (
      SELECT 1 FROM unnest(${param("webinar_key")}, ${param("read_times")}, ${param("read_status")}) AS r(k, times, status)
      WHERE r.k = EXCLUDED."webinarKey" AND r.times IS NOT NULL
        AND ("Webinar"."times" IS DISTINCT FROM r.times OR "Webinar"."status"::text IS DISTINCT FROM r.status))
    RETURNING "id", "webinarKey", (xmax = 0) AS "inserted"`,
    [connector.accountId, connector.id, now, ...WRITE_COLUMNS.map((_, i) => rows.map((row) => row[i]))],
  );
}

/** The connector's webinars due by `at`, most overdue first: enqueued once discovery returns. */
async function listDueWebinarIds(db: PgQueryDb, connectorId: string, at: Date): Promise<string[]> {
  const rows = await pgQuery<{ id: string }>(
    db,
    `SELECT "id" FROM "Webinar"
     WHERE "connectorId" = $1::uuid AND "status" <> 'CANCELLED' AND ("nextPollAt" <= $2 OR "nextAttendanceSyncAt" <= $2)
     ORDER BY LEAST("nextPollAt", "nextAttendanceSyncAt")`,
    [connectorId, at],
  );
  return rows.map((row) => row.id);
}
