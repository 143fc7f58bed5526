import type { Db, SyncKind } from "@gw/db";
import { type GotoClient, GotoNotFoundError } from "@gw/gotowebinar";
import { awardAttendancePoints } from "../engagement/award-attendance-points";
import { type EngagementClient, type FetchedEngagement, fetchEngagement } from "../engagement/fetch-engagement";
import { listAbsentActivities } from "../engagement/record-absentees";
import { recordEngagement } from "../engagement/record-engagement";
import { fetchStaff } from "../exclusions/fetch-webinar-staff";
import {
  listExcludedStaffRoles,
  recordWebinarStaff,
  type WebinarStaffMember,
} from "../exclusions/record-webinar-staff";
import { emailKey } from "../prospects/normalize-email";
import { getScoringPoints } from "../scoring/get-scoring-rules";
import { recordActivities } from "../scoring/record-activities";
import { sessionsOf, webinarStatusAt } from "./map-goto-webinar";
import { type PollingSettings, planWebinarSync } from "./polling-policy";
import { recordAttendance } from "./record-attendance";
import { finishSucceededSyncRun, finishSyncRun, startSyncRun } from "./record-sync-run";
import type { AttendeeInput, RegistrantInput, SyncConnector, SyncCounts, SyncRunResult, SyncWebinar } from "./types";
import { upsertRegistrants } from "./upsert-registrants";
import { upsertWebinarSessions } from "./upsert-webinar-sessions";

export type WebinarSyncClient = Pick<
  GotoClient,
  "listAllRegistrants" | "listSessions" | "listSessionAttendees" | "listPanelists" | "listCoorganizers"
> &
  EngagementClient;

/** Builds the GoTo client of a connector; `onRequest` counts the API requests of the run. */
export type ConnectGoto<C> = (
  connector: { id: string; organizerKey: string | null },
  hooks: { onRequest: () => void },
) => Promise<C>;

export interface SyncWebinarOptions {
  db: Db;
  webinarId: string;
  connectGoto: ConnectGoto<WebinarSyncClient>;
  settings: PollingSettings;
  /** When the dispatcher saw it due: a run that finds the webinar synced since then does nothing. */
  dueAt?: Date | null;
  jobId?: string;
  now?: () => Date;
  /**
   * After a session ended, also fetch engagement (performance, questions, poll and survey
   * answers; see packages/domain/src/engagement). `session`: performance and questions only (no
   * per-attendee requests); `off`: none. Default `full`.
   */
  engagement?: "full" | "session" | "off" | boolean;
}

export type SyncWebinarResult = SyncRunResult<{ phase: string }>;

/**
 * One run for one webinar: registrants always (they become prospects, registrations and
 * activities; those GoTo no longer lists are cancelled), and once the webinar has ended, the
 * attendees of its ended sessions too. Then the next run is planned by the polling policy.
 * HTTP happens before any write; each write is one atomic, idempotent batch statement.
 */
export async function syncWebinar(options: SyncWebinarOptions): Promise<SyncWebinarResult> {
  const { db, settings } = options;
  const clock = options.now ?? (() => new Date());
  const row = await db.webinar.findUnique({ where: { id: options.webinarId }, include: { connector: true } });
  if (!row) return { status: "skipped", reason: "webinar no longer exists" };
  const { connector } = row;
  if (connector.deletedAt) return { status: "skipped", reason: "connector was deleted" };
  if (connector.status !== "VERIFIED") return { status: "skipped", reason: `connector is ${connector.status}` };
  if (row.status === "CANCELLED") return { status: "skipped", reason: "webinar is cancelled" };
  // A run since the job's due time made it redundant only if that run also planned the next
  // one past it: a poll that ended after a discovery re-planned the webinar (moved, its
  // attendance due now) did not do that work, and skipping on its time alone would skip it for good.
  const dueNow = Math.min(
    row.nextPollAt?.getTime() ?? Number.POSITIVE_INFINITY,
    row.nextAttendanceSyncAt?.getTime() ?? Number.POSITIVE_INFINITY,
  );
  if (options.dueAt && row.lastPolledAt && row.lastPolledAt >= options.dueAt && dueNow > options.dueAt.getTime()) {
    return { status: "skipped", reason: "already synced since it was due" };
  }

  const startedAt = clock();
  const sessions = sessionsOf(row.times);
  const ended = startedAt >= row.endsAt;
  const kind: SyncKind = ended ? "ATTENDANCE" : "REGISTRANTS";
  const run = await startSyncRun({
    db,
    kind,
    accountId: row.accountId,
    connectorId: connector.id,
    webinarId: row.id,
    jobId: options.jobId,
  });
  let apiRequests = 0;
  const webinar: SyncWebinar = row;
  const syncConnector: SyncConnector = connector;

  try {
    const goto = await options.connectGoto(connector, { onRequest: () => apiRequests++ });
    const organizerKey = connector.organizerKey ?? undefined;

    let registrants: RegistrantInput[];
    let attendees: AttendeeInput[] = [];
    let endedSessions: EndedSession[] = [];
    let engagement: FetchedEngagement | null = null;
    // Panelists and co-organizers only while an exclusion rule asks for them (a request each).
    const staffRoles = await listExcludedStaffRoles({ db, accountId: row.accountId });
    let staff: WebinarStaffMember[] = [];
    // GoTo takes no registrations once a webinar has ended (on-demand ones excepted): after one
    // attendance sync has read the registrants past the end, later ones skip that request and
    // upsert the attendees alone (the registrants' list is not complete, so nobody is cancelled).
    const registrantsSettled = ended && !row.isOndemand && row.attendanceSyncs > 0;
    try {
      const [listed, attended, listedStaff] = await Promise.all([
        registrantsSettled ? [] : goto.listAllRegistrants({ organizerKey, webinarKey: row.webinarKey }),
        ended
          ? fetchAttendees({
              db,
              goto,
              organizerKey,
              webinarId: row.id,
              webinarKey: row.webinarKey,
              sessionCount: Math.max(1, sessions.length),
              now: startedAt,
            }).then(async (fetched) =>
              options.engagement === false || options.engagement === "off"
                ? { ...fetched, engagement: null }
                : {
                    ...fetched,
                    engagement: await fetchEngagementOf(goto, organizerKey, row.webinarKey, fetched, {
                      attendeeAnswers: options.engagement !== "session",
                    }),
                  },
            )
          : null,
        fetchStaff(goto, organizerKey, row.webinarKey, staffRoles),
      ]);
      staff = listedStaff;
      registrants = listed;
      attendees = attended?.attendees ?? [];
      endedSessions = attended?.sessions ?? [];
      engagement = attended?.engagement ?? null;
    } catch (error) {
      if (!(error instanceof GotoNotFoundError)) throw error;
      // GoTo answers 404 for a cancelled (deleted) webinar.
      const now = clock();
      await db.webinar.update({
        where: { id: row.id },
        data: ended
          ? { nextPollAt: null, nextAttendanceSyncAt: null, attendanceFinalAt: now, lastPolledAt: now }
          : { status: "CANCELLED", cancelledAt: now, nextPollAt: null, nextAttendanceSyncAt: null, lastPolledAt: now },
      });
      const counts = { fetched: 0, created: 0, updated: ended ? 0 : 1, skipped: 0 };
      return finishSucceededSyncRun(
        { db, run, kind, counts, apiRequests, now },
        { details: { cancelled: ended ? 0 : 1 }, phase: ended ? "final" : "cancelled" },
      );
    }

    // Attendees GoTo no longer lists as registrants still attended: keep them as registrants.
    const listedKeys = new Set(registrants.map((r) => r.registrantKey));
    for (const attendee of attendees) {
      if (listedKeys.has(attendee.registrantKey)) continue;
      listedKeys.add(attendee.registrantKey);
      registrants.push({
        registrantKey: attendee.registrantKey,
        email: attendee.email,
        firstName: attendee.firstName,
        lastName: attendee.lastName,
        registrationDate: attendee.attendance[0]?.joinTime ?? row.startsAt,
        status: "APPROVED",
      });
    }

    // Before the registrants: a panelist who registered is filtered as their prospect is written.
    const staffed = staffRoles.length
      ? await recordWebinarStaff({ db, accountId: row.accountId, webinarId: row.id, roles: staffRoles, staff })
      : null;
    const points = await getScoringPoints({ db, accountId: row.accountId });
    const now = clock();
    const written = await upsertRegistrants({
      db,
      webinar,
      connector: syncConnector,
      registrants,
      complete: !registrantsSettled,
      now,
      points,
      deferActivities: true,
      attendees: ended ? attendees : undefined,
    });
    const attendance = ended
      ? await recordAttendance({
          db,
          webinar,
          attendees,
          prospectIdByEmail: written.prospectIdByEmail,
          points,
          deferActivities: true,
          writtenWithAttendance: written.writtenWithAttendance,
        })
      : { updated: 0, skipped: 0, activities: [] };
    // Registrations created with their attendance count as attendance written, as when the
    // attendance was a second write.
    const attendanceUpdated = attendance.updated + written.writtenWithAttendance.size;
    const engaged = engagement
      ? await recordEngagement({
          db,
          webinar: row,
          engagement,
          sessionIds: new Map(endedSessions.map((s) => [s.sessionKey, s.id])),
          prospectIdByRegistrantKey: new Map(
            attendees.flatMap((a) => {
              const prospectId = a.email ? written.prospectIdByEmail.get(emailKey(a.email)) : undefined;
              return prospectId ? [[a.registrantKey, prospectId] as const] : [];
            }),
          ),
          prospectIdByEmail: written.prospectIdByEmail,
          now,
        })
      : null;

    const finishedAt = clock();
    const plan = planWebinarSync({
      schedule: { startsAt: row.startsAt, endsAt: row.endsAt, sessions },
      now: finishedAt,
      settings,
      lastAttendanceSyncAt: ended ? finishedAt : null,
    });
    // No-shows once, after the final attendance sync (nothing can change attendance after it).
    const recordAbsentees = ended && plan.phase === "final" && !row.absenteesRecordedAt;
    const absent = recordAbsentees ? await listAbsentActivities({ db, webinar: row }) : [];
    // Every activity of the run in one statement: its points reach the scores exactly once.
    const recorded = await recordActivities({
      db,
      accountId: row.accountId,
      activities: [...written.activities, ...attendance.activities, ...(engaged?.activities ?? []), ...absent],
      points,
      refreshDetailsOf: [
        "ATTENDED",
        "ATTENDED_LIVE",
        "WATCHED_ON_DEMAND",
        "ASKED_QUESTION",
        "ANSWERED_POLL",
        "ANSWERED_SURVEY",
      ],
    });
    const thresholds = ended ? await awardAttendancePoints({ db, webinar: row }) : { awards: 0, points: 0 };
    const done = { lastPolledAt: finishedAt, ...(recordAbsentees ? { absenteesRecordedAt: finishedAt } : {}) };
    // The plan is made from the times read at the start. A discovery that moved the webinar
    // meanwhile planned it anew from the new times (attendance due at once for an end already
    // past): writing this run's plan over that one would put the attendance off to the old end.
    const planned = await db.webinar.updateMany({
      where: { id: row.id, startsAt: row.startsAt, endsAt: row.endsAt },
      data: {
        ...done,
        status: webinarStatusAt(row, finishedAt),
        nextPollAt: plan.nextPollAt,
        nextAttendanceSyncAt: plan.nextAttendanceSyncAt,
        ...(ended ? { attendanceSyncs: { increment: 1 } } : {}),
        ...(plan.phase === "final" ? { attendanceFinalAt: finishedAt } : {}),
      },
    });
    if (planned.count === 0) await db.webinar.updateMany({ where: { id: row.id }, data: done });

    const counts: SyncCounts = {
      fetched: registrants.length + attendees.length,
      created: written.registrationsCreated,
      updated: written.registrationsUpdated + written.registrationsCancelled + attendanceUpdated,
      skipped: written.skipped,
    };
    return finishSucceededSyncRun(
      { db, run, kind, counts, apiRequests, now: finishedAt },
      {
        phase: plan.phase,
        details: {
          registrants: registrants.length,
          attendees: attendees.length,
          prospectsCreated: written.prospectsCreated,
          prospectsUpdated: written.prospectsUpdated,
          prospectsMerged: written.prospectsMerged,
          registrationsCreated: written.registrationsCreated,
          registrationsUpdated: written.registrationsUpdated,
          registrationsCancelled: written.registrationsCancelled,
          attendanceUpdated,
          activitiesCreated: recorded.created,
          pointsAwarded: recorded.pointsAwarded + thresholds.points,
          absentees: absent.length,
          thresholdAwards: thresholds.awards,
          engagementSessionsFetched: engaged?.sessionsFetched ?? 0,
          questions: engaged?.questions ?? 0,
          pollAnswers: engaged?.pollAnswers ?? 0,
          surveyAnswers: engaged?.surveyAnswers ?? 0,
          staff: staffed?.staff ?? 0,
          staffFiltered: staffed?.newlyFiltered ?? 0,
          apiRequests,
        },
      },
    );
  } catch (error) {
    const now = clock();
    await finishSyncRun({ db, run, apiRequests, error, now }).catch(() => undefined);
    await postponeAfterFailure({ db, webinarId: row.id, ended, now, settings }).catch(() => undefined);
    throw error;
  }
}

/**
 * A failed run moves the webinar's due time forward (retries happen inside the job itself),
 * so a webinar that keeps failing is not re-enqueued on every dispatcher tick.
 */
async function postponeAfterFailure(options: {
  db: Db;
  webinarId: string;
  ended: boolean;
  now: Date;
  settings: PollingSettings;
}) {
  const later = new Date(options.now.getTime() + options.settings.pollMinutes.underOneWeek * 60_000);
  await options.db.webinar.updateMany({
    where: options.ended
      ? { id: options.webinarId, nextAttendanceSyncAt: { lt: later } }
      : { id: options.webinarId, nextPollAt: { lt: later } },
    data: options.ended ? { nextAttendanceSyncAt: later } : { nextPollAt: later },
  });
}

async function fetchAttendees(options: {
  db: Db;
  goto: WebinarSyncClient;
  organizerKey: string | undefined;
  webinarId: string;
  webinarKey: string;
  sessionCount: number;
  now: Date;
}): Promise<{ attendees: AttendeeInput[]; sessions: EndedSession[] }> {
  const { db, goto, organizerKey, webinarKey } = options;
  let known = await db.webinarSession.findMany({
    where: { webinarId: options.webinarId },
    orderBy: { startsAt: "asc" },
  });
  // Sessions appear in GoTo only once ended; ask for them unless the backfill already stored them.
  if (known.filter((s) => s.endsAt <= options.now).length < options.sessionCount) {
    const { sessions } = await goto.listSessions({ organizerKey, webinarKey, fetchAll: true });
    await upsertWebinarSessions({ db, sessions: sessions.map((s) => ({ ...s, webinarId: options.webinarId })) });
    known = await db.webinarSession.findMany({ where: { webinarId: options.webinarId }, orderBy: { startsAt: "asc" } });
  }
  const endedKnown = known.filter((s) => s.endsAt <= options.now);
  // A session GoTo's session list reports nobody attended has no attendees to ask for.
  const lists = await Promise.all(
    endedKnown
      .filter((s) => s.registrantsAttended !== 0)
      .map((s) => goto.listSessionAttendees({ organizerKey, webinarKey, sessionKey: s.sessionKey })),
  );
  const attendees = lists.flat().map((a) => ({
    registrantKey: a.registrantKey,
    sessionKey: a.sessionKey,
    email: a.email,
    firstName: a.firstName,
    lastName: a.lastName,
    attendanceTimeInSeconds: a.attendanceTimeInSeconds,
    attendance: a.attendance,
  }));
  return { attendees, sessions: endedKnown };
}

type EndedSession = Awaited<ReturnType<Db["webinarSession"]["findMany"]>>[number];

function fetchEngagementOf(
  goto: WebinarSyncClient,
  organizerKey: string | undefined,
  webinarKey: string,
  fetched: { attendees: AttendeeInput[]; sessions: EndedSession[] },
  options: { attendeeAnswers: boolean },
): Promise<FetchedEngagement> {
  return fetchEngagement({
    attendeeAnswers: options.attendeeAnswers,
    goto,
    organizerKey,
    webinarKey,
    sessions: fetched.sessions.map((s) => ({
      sessionKey: s.sessionKey,
      attendeeKeys: [
        ...new Set(fetched.attendees.filter((a) => a.sessionKey === s.sessionKey).map((a) => a.registrantKey)),
      ],
      synced: { at: s.engagementSyncedAt, attendees: s.engagementAttendees },
    })),
  });
}
