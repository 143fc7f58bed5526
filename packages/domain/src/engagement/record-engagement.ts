import { createHash } from "node:crypto";
import { type PgQueryDb, pgQuery, retryOnDeadlock } from "@gw/db";
import type { GotoPollAnswer } from "@gw/gotowebinar";
import { emailKey } from "../prospects/normalize-email";
import type { ActivityInput } from "../scoring/record-activities";
import type { FetchedEngagement } from "./fetch-engagement";

export interface RecordEngagementOptions {
  db: PgQueryDb;
  webinar: { id: string; accountId: string; endsAt: Date };
  engagement: FetchedEngagement;
  /** sessionKey → WebinarSession id. */
  sessionIds: Map<string, string>;
  /** registrantKey → prospect id, for this webinar's attendees. */
  prospectIdByRegistrantKey: Map<string, string>;
  /** emailKey → prospect id (askers are matched by e-mail when their key is unknown). */
  prospectIdByEmail: Map<string, string>;
  now: Date;
}

export interface RecordEngagementResult {
  sessionsFetched: number;
  questions: number;
  pollAnswers: number;
  surveyAnswers: number;
  /** ASKED_QUESTION, ANSWERED_POLL and ANSWERED_SURVEY, for the run's one activity statement. */
  activities: ActivityInput[];
}

const fingerprint = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex");

/**
 * Writes what fetchEngagement brought: each session's performance, the questions asked (with
 * the asking prospect), and per registration its poll and survey answers and the counts
 * (questionsAsked, pollsAnswered, surveysAnswered). Answers of sessions not fetched again stay
 * as stored. Every write is one idempotent statement; a re-run changes nothing.
 */
export async function recordEngagement(options: RecordEngagementOptions): Promise<RecordEngagementResult> {
  const { db, webinar, engagement, sessionIds } = options;
  const perf = [...engagement.performance.entries()].filter(([key]) => sessionIds.has(key));
  if (perf.length > 0) {
    await pgQuery(
      db,
      `UPDATE "WebinarSession" s SET
         "registrantCount" = i.registrant_count, "percentageAttendance" = i.pct_attendance,
         "averageInterestRating" = i.interest, "averageAttentiveness" = i.attentiveness,
         "averageAttendanceSeconds" = i.avg_seconds, "pollCount" = i.poll_count, "surveyCount" = i.survey_count,
         "questionsAsked" = i.questions, "percentagePollsCompleted" = i.pct_polls,
         "percentageSurveysCompleted" = i.pct_surveys, "performanceSyncedAt" = $1::timestamptz
       FROM unnest($2::uuid[], $3::int[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::int[],
                   $9::float8[], $10::int[], $11::float8[], $12::float8[])
         AS i(id, registrant_count, pct_attendance, interest, attentiveness, avg_seconds, poll_count, survey_count,
              questions, pct_polls, pct_surveys)
       WHERE s."id" = i.id`,
      [
        options.now,
        perf.map(([key]) => sessionIds.get(key)),
        perf.map(([, p]) => Math.round(p.attendance.registrantCount)),
        perf.map(([, p]) => p.attendance.percentageAttendance),
        perf.map(([, p]) => p.attendance.averageInterestRating),
        perf.map(([, p]) => p.attendance.averageAttentiveness),
        perf.map(([, p]) => p.attendance.averageAttendanceTimeSeconds),
        perf.map(([, p]) => Math.round(p.pollsAndSurveys.pollCount)),
        perf.map(([, p]) => p.pollsAndSurveys.surveyCount),
        perf.map(([, p]) => Math.round(p.pollsAndSurveys.questionsAsked)),
        perf.map(([, p]) => p.pollsAndSurveys.percentagePollsCompleted),
        perf.map(([, p]) => p.pollsAndSurveys.percentageSurveysCompleted),
      ],
    );
  }

  const fetched = engagement.sessions.filter((s) => s.fetched && sessionIds.has(s.sessionKey));
  const result: RecordEngagementResult = {
    sessionsFetched: fetched.length,
    questions: 0,
    pollAnswers: 0,
    surveyAnswers: 0,
    activities: [],
  };

  // Questions, with the asker's prospect (by registrantKey, else by e-mail).
  const questionRows = fetched.flatMap((s) =>
    s.questions.map((q) => ({
      sessionId: sessionIds.get(s.sessionKey) as string,
      prospectId:
        (q.askerKey && options.prospectIdByRegistrantKey.get(q.askerKey)) ||
        options.prospectIdByEmail.get(emailKey(q.askedBy)) ||
        null,
      askerKey: q.askerKey ?? null,
      askedBy: q.askedBy,
      question: q.question,
      askedAt: q.dateAsked && !Number.isNaN(Date.parse(q.dateAsked)) ? new Date(q.dateAsked) : null,
      answers: JSON.stringify(q.answers),
      fingerprint: fingerprint(s.sessionKey, q.askerKey ?? q.askedBy, q.dateAsked ?? "", q.question),
    })),
  );
  result.questions = questionRows.length;
  if (questionRows.length > 0) {
    await retryOnDeadlock(() =>
      pgQuery(
        db,
        `INSERT INTO "SessionQuestion" ("accountId", "webinarId", "sessionId", "prospectId", "askerKey", "askedBy",
           "question", "askedAt", "answers", "fingerprint")
         SELECT $1::uuid, $2::uuid, i.session_id, i.prospect_id, i.asker_key, i.asked_by, i.question, i.asked_at,
           i.answers, i.fingerprint
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::jsonb[], $10::text[])
           AS i(session_id, prospect_id, asker_key, asked_by, question, asked_at, answers, fingerprint)
         ON CONFLICT ("sessionId", "fingerprint") DO UPDATE SET
           "answers" = EXCLUDED."answers", "prospectId" = COALESCE(EXCLUDED."prospectId", "SessionQuestion"."prospectId")
         WHERE ("SessionQuestion"."answers", "SessionQuestion"."prospectId")
           IS DISTINCT FROM (EXCLUDED."answers", COALESCE(EXCLUDED."prospectId", "SessionQuestion"."prospectId"))`,
        [
          webinar.accountId,
          webinar.id,
          questionRows.map((q) => q.sessionId),
          questionRows.map((q) => q.prospectId),
          questionRows.map((q) => q.askerKey),
          questionRows.map((q) => q.askedBy),
          questionRows.map((q) => q.question),
          questionRows.map((q) => q.askedAt),
          questionRows.map((q) => q.answers),
          questionRows.map((q) => q.fingerprint),
        ],
      ),
    );
  }

  // Poll and survey answers per prospect, tagged with their session.
  const answers = new Map<string, { polls: unknown[]; surveys: unknown[] }>();
  const collect = (sessionKey: string, byRegistrant: Map<string, GotoPollAnswer[]>, kind: "polls" | "surveys") => {
    let collected = 0;
    for (const [registrantKey, list] of byRegistrant) {
      const prospectId = options.prospectIdByRegistrantKey.get(registrantKey);
      if (!prospectId) continue;
      const entry = answers.get(prospectId) ?? { polls: [], surveys: [] };
      entry[kind].push(...list.map((a) => ({ sessionKey, question: a.question, answers: a.answers })));
      answers.set(prospectId, entry);
      collected += list.length;
    }
    return collected;
  };
  for (const s of fetched) {
    result.pollAnswers += collect(s.sessionKey, s.pollAnswers, "polls");
    result.surveyAnswers += collect(s.sessionKey, s.surveyAnswers, "surveys");
  }
  const fetchedKeys = fetched.map((s) => s.sessionKey);
  const rows = [...answers.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  // One statement: replace the fetched sessions' answers, keep the others, recount everything.
  await retryOnDeadlock(() =>
    pgQuery(
      db,
      `WITH input AS (
         SELECT * FROM unnest($3::uuid[], $4::jsonb[], $5::jsonb[]) AS i(prospect_id, polls, surveys)
       ), merged AS (
         SELECT r."id",
           COALESCE((SELECT jsonb_agg(e) FROM jsonb_array_elements(r."pollAnswers") e
                     WHERE NOT (e->>'sessionKey' = ANY($2::text[]))), '[]'::jsonb) || COALESCE(i.polls, '[]'::jsonb) AS polls,
           COALESCE((SELECT jsonb_agg(e) FROM jsonb_array_elements(r."surveyAnswers") e
                     WHERE NOT (e->>'sessionKey' = ANY($2::text[]))), '[]'::jsonb) || COALESCE(i.surveys, '[]'::jsonb) AS surveys,
           (SELECT count(*)::int FROM "SessionQuestion" q WHERE q."webinarId" = $1::uuid AND q."prospectId" = r."prospectId") AS questions,
           COALESCE((SELECT sum(jsonb_array_length(COALESCE(e->'responses', '[]'::jsonb)))::int
                     FROM jsonb_array_elements(r."surveyResponses") e), 0) AS webhook_surveys
         FROM "WebinarRegistration" r LEFT JOIN input i ON i.prospect_id = r."prospectId"
         WHERE r."webinarId" = $1::uuid
       )
       UPDATE "WebinarRegistration" r SET
         "pollAnswers" = m.polls, "surveyAnswers" = m.surveys, "questionsAsked" = m.questions,
         "pollsAnswered" = jsonb_array_length(m.polls),
         "surveysAnswered" = GREATEST(jsonb_array_length(m.surveys), m.webhook_surveys),
         "engagementSyncedAt" = $6::timestamptz, "updatedAt" = now()
       FROM merged m
       WHERE r."id" = m."id"
         AND (r."pollAnswers", r."surveyAnswers", r."questionsAsked", r."pollsAnswered", r."surveysAnswered")
           IS DISTINCT FROM (m.polls, m.surveys, m.questions, jsonb_array_length(m.polls),
                             GREATEST(jsonb_array_length(m.surveys), m.webhook_surveys))`,
      [
        webinar.id,
        fetchedKeys,
        rows.map(([id]) => id),
        rows.map(([, a]) => JSON.stringify(a.polls)),
        rows.map(([, a]) => JSON.stringify(a.surveys)),
        options.now,
      ],
    ),
  );
  if (fetched.length > 0) {
    await pgQuery(
      db,
      `UPDATE "WebinarSession" s SET "engagementSyncedAt" = $1::timestamptz, "engagementAttendees" = i.attendees
       FROM unnest($2::uuid[], $3::int[]) AS i(id, attendees) WHERE s."id" = i.id`,
      [options.now, fetched.map((s) => sessionIds.get(s.sessionKey)), fetched.map((s) => s.attendeeCount)],
    );
  }

  result.activities = await engagementActivities(db, webinar);
  return result;
}

/** One activity per engaged prospect and kind, with the counts; points come once (unique key). */
async function engagementActivities(db: PgQueryDb, webinar: { id: string; endsAt: Date }): Promise<ActivityInput[]> {
  const rows = await pgQuery<{
    prospectId: string;
    questionsAsked: number;
    pollsAnswered: number;
    surveysAnswered: number;
    firstAsked: Date | null;
    questions: string[] | null;
  }>(
    db,
    `SELECT r."prospectId", r."questionsAsked", r."pollsAnswered", r."surveysAnswered",
       (SELECT min(q."askedAt") FROM "SessionQuestion" q WHERE q."webinarId" = $1::uuid AND q."prospectId" = r."prospectId") AS "firstAsked",
       (SELECT array_agg(q."question" ORDER BY q."askedAt") FROM "SessionQuestion" q
        WHERE q."webinarId" = $1::uuid AND q."prospectId" = r."prospectId") AS "questions"
     FROM "WebinarRegistration" r
     WHERE r."webinarId" = $1::uuid AND (r."questionsAsked" > 0 OR r."pollsAnswered" > 0 OR r."surveysAnswered" > 0)`,
    [webinar.id],
  );
  return rows.flatMap((r) => {
    const out: ActivityInput[] = [];
    if (r.questionsAsked > 0) {
      out.push({
        prospectId: r.prospectId,
        webinarId: webinar.id,
        type: "ASKED_QUESTION",
        occurredAt: r.firstAsked ?? webinar.endsAt,
        details: { questionsAsked: r.questionsAsked, questions: r.questions ?? [] },
      });
    }
    if (r.pollsAnswered > 0) {
      out.push({
        prospectId: r.prospectId,
        webinarId: webinar.id,
        type: "ANSWERED_POLL",
        occurredAt: webinar.endsAt,
        details: { pollsAnswered: r.pollsAnswered },
      });
    }
    if (r.surveysAnswered > 0) {
      out.push({
        prospectId: r.prospectId,
        webinarId: webinar.id,
        type: "ANSWERED_SURVEY",
        occurredAt: webinar.endsAt,
        details: { surveysAnswered: r.surveysAnswered },
      });
    }
    return out;
  });
}
