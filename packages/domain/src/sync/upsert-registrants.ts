import { type Db, type PgQueryDb, pgQuery, type RegistrationSource, retryOnDeadlock } from "@gw/db";
import { emailKey } from "../prospects/normalize-email";
import { upsertGotoProspects } from "../prospects/upsert-goto-prospects";
import { getScoringPoints } from "../scoring/get-scoring-rules";
import { type ActivityInput, recordActivities } from "../scoring/record-activities";
import { attendanceByProspect, attendancePercentSql } from "./record-attendance";
import type { AttendeeInput, PointsTable, RegistrantInput, SyncConnector, SyncWebinar } from "./types";

export interface UpsertRegistrantsOptions {
  db: PgQueryDb & Pick<Db, "scoringRule">;
  webinar: SyncWebinar;
  connector: SyncConnector;
  registrants: RegistrantInput[];
  /** GOTO for polls, WEBHOOK for registrant.added; a FORM registration keeps its source. */
  source?: RegistrationSource;
  /**
   * True when `registrants` is GoTo's whole list for the webinar: registrations GoTo no longer
   * lists are then marked CANCELLED (a webhook delivers one registrant, so it passes false).
   */
  complete?: boolean;
  now?: Date;
  /** Points per activity type; read from the account's rules when absent. */
  points?: PointsTable;
  /** Return the activities instead of recording them (the caller records them with others, in one statement). */
  deferActivities?: boolean;
  /**
   * The attendees of the webinar's ended sessions, when the caller records attendance next
   * (recordAttendance): a registration created here gets its attendance in the same write,
   * instead of an insert and then an update of the same row with its triggers. Registrations
   * that exist already are left to recordAttendance.
   */
  attendees?: AttendeeInput[];
}

export interface UpsertRegistrantsResult {
  /** emailKey → prospect id, for every registrant that has (or got) a prospect. */
  prospectIdByEmail: Map<string, string>;
  prospectsCreated: number;
  prospectsUpdated: number;
  /** Prospects reached through a merged-away e-mail. */
  prospectsMerged: number;
  registrationsCreated: number;
  registrationsUpdated: number;
  registrationsCancelled: number;
  /** Prospects whose registration was created here with its attendance (see `attendees`). */
  writtenWithAttendance: Set<string>;
  /** Registrants without a prospect (create-prospects off, or no e-mail). */
  skipped: number;
  activitiesCreated: number;
  pointsAwarded: number;
  /** The activities to record, when deferActivities was set. */
  activities: ActivityInput[];
}

const STATUSES = new Set(["WAITING", "APPROVED", "DENIED"]);
const toStatus = (status: string | null | undefined) => {
  const upper = (status ?? "APPROVED").toUpperCase();
  return STATUSES.has(upper) ? upper : "APPROVED";
};
const toDate = (value: string | Date | null | undefined, fallback: Date) => {
  const date = value ? new Date(value) : fallback;
  return Number.isNaN(date.getTime()) ? fallback : date;
};

/**
 * Writes GoTo registrants into prospects, registrations and activities, in a handful of batch
 * statements whatever the number of registrants; running it again with the same input changes
 * nothing (no row, no score). Exported for the webhook receiver (registrant.added).
 *
 * Activities: REGISTERED at the registration date; ACCEPTED once GoTo reports the registration
 * APPROVED — for webinars with automatic approval that is at registration (GoTo approves at
 * once and does not report the confirmation-link click Pardot's "Accepted" meant), for manual
 * approval the time the sync first saw it approved; CANCELLED when a registrant disappears.
 */
export async function upsertRegistrants(options: UpsertRegistrantsOptions): Promise<UpsertRegistrantsResult> {
  const { db, webinar, connector, complete = false, source = "GOTO" } = options;
  const now = options.now ?? new Date();
  const points = options.points ?? (await getScoringPoints({ db, accountId: webinar.accountId }));

  const prospects = await upsertGotoProspects({
    db,
    accountId: webinar.accountId,
    people: options.registrants.map((r) => ({
      email: r.email,
      firstName: r.firstName,
      lastName: r.lastName,
      registeredAt: r.registrationDate ? toDate(r.registrationDate, now) : null,
    })),
    createProspects: connector.createProspects,
    campaignId: connector.campaignId,
  });

  // One registration per prospect: two GoTo registrants can lead to one master (a merged-away
  // e-mail and the master's own). The earliest wins, so the choice is the same on every run.
  const ordered = [...options.registrants].sort((a, b) => {
    const da = toDate(a.registrationDate, now).getTime();
    const dbb = toDate(b.registrationDate, now).getTime();
    return da - dbb || (a.registrantKey < b.registrantKey ? -1 : a.registrantKey > b.registrantKey ? 1 : 0);
  });
  const byProspect = new Map<string, RegistrantInput>();
  let skipped = 0;
  for (const registrant of ordered) {
    const prospectId = registrant.email ? prospects.prospectIdByEmail.get(emailKey(registrant.email)) : undefined;
    if (!prospectId) skipped++;
    else if (!byProspect.has(prospectId)) byProspect.set(prospectId, registrant);
  }

  const result: UpsertRegistrantsResult = {
    prospectIdByEmail: prospects.prospectIdByEmail,
    prospectsCreated: prospects.created,
    prospectsUpdated: prospects.updated,
    prospectsMerged: prospects.merged,
    registrationsCreated: 0,
    registrationsUpdated: 0,
    registrationsCancelled: 0,
    writtenWithAttendance: new Set(),
    skipped,
    activitiesCreated: 0,
    pointsAwarded: 0,
    activities: [],
  };

  const activities: ActivityInput[] = [];
  if (byProspect.size > 0) {
    const prospectIds = [...byProspect.keys()].sort();
    const rows = prospectIds.map((prospectId) => {
      const r = byProspect.get(prospectId) as RegistrantInput;
      return { prospectId, r, status: toStatus(r.status), registeredAt: toDate(r.registrationDate, now) };
    });
    const attended = options.attendees
      ? attendanceByProspect(webinar, options.attendees, prospects.prospectIdByEmail).rows
      : [];
    const attendance = new Map(attended.map((a) => [a.prospectId, a]));
    const [written] = await retryOnDeadlock(() =>
      pgQuery<{ created: number; updated: number; attendedIds: string[] }>(
        db,
        `WITH written AS (
        INSERT INTO "WebinarRegistration"
          ("accountId", "webinarId", "prospectId", "registrantKey", "joinUrl", "status", "source", "registeredAt", "sourceLabel", "lastSeenAt", "updatedAt",
           "attended", "attendanceSeconds", "attendance", "joinedAt", "attendancePercent")
        SELECT $1::uuid, $2::uuid, i.prospect_id, i.registrant_key, i.join_url,
               i.status::"RegistrationStatus", $3::"RegistrationSource", i.registered_at, i.source_label, $4::timestamptz, now(),
               i.seconds IS NOT NULL, COALESCE(i.seconds, 0), COALESCE(i.intervals, '[]'::jsonb), i.first_join,
               CASE WHEN i.seconds IS NOT NULL THEN ${attendancePercentSql("i.seconds", "$2")} END
        FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::int[], $12::jsonb[], $13::timestamptz[])
          WITH ORDINALITY AS i(prospect_id, registrant_key, join_url, status, registered_at, source_label, seconds, intervals, first_join, n)
        ORDER BY i.n
        ON CONFLICT ("webinarId", "prospectId") DO UPDATE SET
          "registrantKey" = EXCLUDED."registrantKey",
          "joinUrl" = COALESCE(EXCLUDED."joinUrl", "WebinarRegistration"."joinUrl"),
          "status" = EXCLUDED."status",
          "cancelledAt" = NULL,
          "sourceLabel" = COALESCE("WebinarRegistration"."sourceLabel", EXCLUDED."sourceLabel"),
          "lastSeenAt" = EXCLUDED."lastSeenAt",
          "updatedAt" = now()
        WHERE ("WebinarRegistration"."registrantKey", "WebinarRegistration"."joinUrl", "WebinarRegistration"."status", "WebinarRegistration"."cancelledAt", "WebinarRegistration"."sourceLabel")
          IS DISTINCT FROM (EXCLUDED."registrantKey", COALESCE(EXCLUDED."joinUrl", "WebinarRegistration"."joinUrl"), EXCLUDED."status", NULL::timestamptz,
                            COALESCE("WebinarRegistration"."sourceLabel", EXCLUDED."sourceLabel"))
        RETURNING "prospectId", (xmax = 0) AS inserted, "attended"
        )
        SELECT (count(*) FILTER (WHERE inserted))::int AS created, (count(*) FILTER (WHERE NOT inserted))::int AS updated,
               COALESCE(array_agg("prospectId") FILTER (WHERE inserted AND attended), '{}') AS "attendedIds"
        FROM written`,
        [
          webinar.accountId,
          webinar.id,
          source,
          now,
          rows.map((x) => x.prospectId),
          rows.map((x) => x.r.registrantKey),
          rows.map((x) => x.r.joinUrl || null),
          rows.map((x) => x.status),
          rows.map((x) => x.registeredAt),
          rows.map((x) => x.r.sourceLabel?.trim() || null),
          rows.map((x) => attendance.get(x.prospectId)?.seconds ?? null),
          rows.map((x) => {
            const a = attendance.get(x.prospectId);
            return a ? JSON.stringify(a.intervals) : null;
          }),
          rows.map((x) => attendance.get(x.prospectId)?.firstJoin ?? null),
        ],
      ),
    );
    result.writtenWithAttendance = new Set(written?.attendedIds ?? []);
    result.registrationsCreated = written?.created ?? 0;
    result.registrationsUpdated = written?.updated ?? 0;

    const manualApproval = (webinar.approvalType ?? "").toUpperCase() === "MANUAL";
    for (const { prospectId, r, status, registeredAt } of rows) {
      const details = { registrantKey: r.registrantKey, source };
      activities.push({ prospectId, webinarId: webinar.id, type: "REGISTERED", occurredAt: registeredAt, details });
      if (status === "APPROVED") {
        // Manual approval: GoTo does not say when; the first sync that sees it approved bounds
        // it, and it cannot be later than the webinar's start (the backfill of a past webinar).
        const seenAt = Math.min(now.getTime(), webinar.startsAt.getTime());
        const acceptedAt = manualApproval ? new Date(Math.max(registeredAt.getTime(), seenAt)) : registeredAt;
        activities.push({ prospectId, webinarId: webinar.id, type: "ACCEPTED", occurredAt: acceptedAt, details });
      }
    }
  }

  if (complete) {
    const listed = options.registrants.map((r) => r.registrantKey);
    // Registrations still waiting to reach GoTo (no registrant key yet) are not GoTo's to cancel.
    const cancelled = await retryOnDeadlock(() =>
      pgQuery<{ prospectId: string; registrantKey: string }>(
        db,
        `UPDATE "WebinarRegistration" SET "status" = 'CANCELLED', "cancelledAt" = $1::timestamptz, "updatedAt" = now()
        WHERE "webinarId" = $2::uuid AND "status" <> 'CANCELLED' AND "registrantKey" IS NOT NULL
          AND NOT ("registrantKey" = ANY($3::text[]))
        RETURNING "prospectId", "registrantKey"`,
        [now, webinar.id, listed],
      ),
    );
    result.registrationsCancelled = cancelled.length;
    for (const row of cancelled) {
      activities.push({
        prospectId: row.prospectId,
        webinarId: webinar.id,
        type: "CANCELLED",
        occurredAt: now,
        details: { registrantKey: row.registrantKey, reason: "no longer registered in GoTo Webinar" },
      });
    }
  }

  if (options.deferActivities) {
    result.activities = activities;
    return result;
  }
  const recorded = await recordActivities({ db, accountId: webinar.accountId, activities, points });
  result.activitiesCreated = recorded.created;
  result.pointsAwarded = recorded.pointsAwarded;
  return result;
}
