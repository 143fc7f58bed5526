import { randomUUID } from "node:crypto";
import { type PgQueryDb, pgQuery, retryOnDeadlock } from "@gw/db";
import { PROSPECT_PROFILE_FIELDS } from "../prospects/profile-fields";
import type { CompletionAction } from "./form-definition";
import type { RegistrationPayload } from "./registration-payload";
import type { GivenConsent } from "./validate-submission";
import type { VisitSource } from "./visit-source";

/** Prospect columns a form can fill (every profile field: e-mail is the key). */
const COLUMNS = PROSPECT_PROFILE_FIELDS;

export interface WriteSubmissionOptions {
  db: PgQueryDb;
  accountId: string;
  formId: string;
  /** Named in the form.submitted event. */
  formName: string;
  /** The form's campaign for a new prospect; null: the account's default campaign. */
  campaignId: string | null;
  actions: CompletionAction[];
  email: string;
  /** Prospect column → value from the form; only non-blank values, which overwrite (the form is newer). */
  columns: Record<string, string>;
  /** Merged into the prospect's `customFields`. */
  custom: Record<string, string>;
  /** What the person sent, as stored on the FormSubmission. */
  data: Record<string, string>;
  /** Every consent of the form as answered: stored with the submission; the ticked ones on the prospect too. */
  consents: GivenConsent[];
  /** UTM parameters and referrer of the visit, or null when none was known. */
  utm: VisitSource | null;
  registration: RegistrationPayload;
  ip: string | null;
  userAgent: string | null;
  now: Date;
  giveUpAfterMs: number;
  /** Identifies a retry of the same submission (see FormSubmissionKey): the answers' hash and the page's token. */
  retryKey: { fingerprint: string; token: string | null; windowMs: number };
}

export interface WrittenSubmission {
  /** True when this was a retry of a submission already stored: nothing was written, the ids are the first's. */
  duplicate: boolean;
  prospectId: string;
  prospectCreated: boolean;
  filtered: boolean;
  submissionId: string;
  registrationRequestIds: string[];
  skipped: string[];
}

/**
 * A submission in ONE statement, so one round trip and one commit, atomic like a transaction
 * (a person waits on this; under a burst the connection pool is the bottleneck):
 * - find or create the prospect by e-mail — Pardot's form rule: matched trimmed and
 *   case-insensitively only among records not merged away (the partial unique index), so an
 *   old e-mail of a merged record makes a NEW prospect; the form's values overwrite, blanks never do;
 * - store the FormSubmission (with its consents and UTM parameters) and the form.submitted event;
 * - record the ticked consents on the prospect (text, version, when, which form): a consent
 *   left unticked on a later form does not withdraw one given before;
 * - unless the prospect is filtered, run the completion actions: a register action writes the
 *   RegistrationRequest outbox row (the GoTo call happens after commit, in the push job), lists
 *   and tags are added, the score adjusted.
 * Two submissions of the same new e-mail at once make one prospect (ON CONFLICT on the index).
 * First of all it claims the submission's retry key: a retry (same answers within the window, or
 * the same page token) finds the key taken, writes nothing, and gets the first submission's ids.
 * Two retries at once are ordered by the key's primary key, so exactly one writes.
 */
export async function writeSubmission(options: WriteSubmissionOptions): Promise<WrittenSubmission> {
  const written = await writeOnce(options);
  if (written) return written;
  const first = await firstSubmission(options);
  if (first) return first;
  // The first submission is gone (erased) while its key stayed: free the key and store this one.
  await pgQuery(options.db, `DELETE FROM "FormSubmissionKey" WHERE "formId" = $1::uuid AND "fingerprint" = $2`, [
    options.formId,
    options.retryKey.fingerprint,
  ]);
  return (await writeOnce(options)) ?? (await firstSubmission(options))!;
}

async function writeOnce(options: WriteSubmissionOptions): Promise<WrittenSubmission | undefined> {
  const { accountId, actions, now } = options;
  const webinarIds = actions.flatMap((a) => (a.type === "REGISTER_WEBINAR" ? [a.webinarId] : []));
  // "every session of the series": the upcoming sessions (webinars) of the picked one's program.
  const seriesOf = actions.flatMap((a) => (a.type === "REGISTER_WEBINAR" && a.sessions === "all" ? [a.webinarId] : []));
  const listIds = actions.flatMap((a) => (a.type === "ADD_TO_LIST" ? [a.listId] : []));
  const tagNames = actions.flatMap((a) => (a.type === "ADD_TAG" ? [a.tag] : []));
  const points = actions.reduce((sum, a) => sum + (a.type === "ADJUST_SCORE" ? a.points : 0), 0);

  const params: unknown[] = [];
  const $ = (value: unknown) => `$${params.push(value)}`;
  const columnList = COLUMNS.map((c) => `"${c}"`).join(", ");
  const keep = COLUMNS.map((c) => `"${c}" = COALESCE(EXCLUDED."${c}", "Prospect"."${c}")`).join(", ");
  const account = `${$(accountId)}::uuid`;
  // A new prospect gets the form's campaign, else the account's default (not the connector's:
  // the form is where the person came in).
  const campaign = `COALESCE(${$(options.campaignId)}::uuid, (SELECT a."defaultCampaignId" FROM "Account" a WHERE a."id" = ${account}))`;
  const given = Object.fromEntries(
    options.consents
      .filter((c) => c.given)
      .map((c) => [c.name, { text: c.text, version: c.version, givenAt: now.toISOString(), formId: options.formId }]),
  );
  const consentsParam = `${$(JSON.stringify(given))}::jsonb`;
  const answersParam = `${$(JSON.stringify(options.data))}::jsonb`;
  const givenParam = `${$(JSON.stringify(options.consents))}::jsonb`;
  const utmParam = `${$(options.utm ? JSON.stringify(options.utm) : null)}::jsonb`;
  const listIdsParam = `${$(listIds)}::uuid[]`;

  const { retryKey } = options;
  const submissionId = randomUUID();
  const form = `${$(options.formId)}::uuid`;
  const sql = `
      WITH k AS (
        INSERT INTO "FormSubmissionKey" ("formId", "fingerprint", "token", "submissionId", "createdAt")
        VALUES (${form}, ${$(retryKey.fingerprint)}, ${$(retryKey.token)}, ${$(submissionId)}::uuid, ${$(now)}::timestamptz)
        ON CONFLICT ("formId", "fingerprint") DO UPDATE
          SET "token" = EXCLUDED."token", "submissionId" = EXCLUDED."submissionId", "createdAt" = EXCLUDED."createdAt"
          WHERE "FormSubmissionKey"."createdAt" < ${$(new Date(now.getTime() - retryKey.windowMs))}::timestamptz
            AND ("FormSubmissionKey"."token" IS NULL OR "FormSubmissionKey"."token" IS DISTINCT FROM EXCLUDED."token")
        RETURNING "submissionId"
      ), p AS (
        INSERT INTO "Prospect" ("accountId", "email", "source", "campaignId", "consents", "customFields", "score", "updatedAt", ${columnList})
        SELECT ${account}, ${$(options.email.trim())}, 'FORM'::"ProspectSource", ${campaign}, ${consentsParam}, ${$(JSON.stringify(options.custom))}::jsonb,
          ${$(points)}::int, now(), ${COLUMNS.map((column) => `${$(options.columns[column] || null)}::text`).join(", ")}
        FROM k WHERE true
        ON CONFLICT ("accountId", lower("email")) WHERE "mergedIntoId" IS NULL
        DO UPDATE SET ${keep},
          "customFields" = "Prospect"."customFields" || EXCLUDED."customFields",
          "consents" = "Prospect"."consents" || EXCLUDED."consents",
          "score" = "Prospect"."score" + CASE WHEN "Prospect"."filtered" THEN 0 ELSE EXCLUDED."score" END,
          "updatedAt" = now()
        RETURNING "id", "filtered", (xmax = 0) AS "created"
      ), s AS (
        INSERT INTO "FormSubmission" ("id", "accountId", "formId", "prospectId", "data", "consents", "utm", "ip", "userAgent", "createdAt")
        SELECT k."submissionId", ${account}, ${form}, p."id", ${answersParam}, ${givenParam}, ${utmParam},
          ${$(options.ip)}, ${$(options.userAgent)}, ${$(now)}::timestamptz FROM p, k
        RETURNING "id"
      ), e AS (
        INSERT INTO "ChangeEvent" ("accountId", "type", "prospectId", "data", "occurredAt")
        SELECT ${account}, 'form.submitted', p."id",
          jsonb_build_object('formId', ${form}, 'formName', ${$(options.formName)}::text, 'submissionId', s."id",
            'prospectCreated', p."created", 'answers', ${answersParam}, 'consents', ${givenParam}, 'utm', ${utmParam}),
          ${$(now)}::timestamptz
        FROM p, s
        RETURNING "id"
      ), r AS (
        INSERT INTO "RegistrationRequest" ("accountId", "prospectId", "webinarId", "formSubmissionId", "payload", "nextAttemptAt", "giveUpAt", "updatedAt")
        SELECT ${account}, p."id", w."id", s."id", ${$(JSON.stringify(options.registration))}::jsonb, ${$(now)}::timestamptz,
          ${$(new Date(now.getTime() + options.giveUpAfterMs))}::timestamptz, now()
        FROM p, s, "Webinar" w
        WHERE NOT p."filtered" AND w."accountId" = ${account}
          AND (w."id" = ANY(${$(webinarIds)}::uuid[])
            OR (w."programId" IN (SELECT pw."programId" FROM "Webinar" pw WHERE pw."id" = ANY(${$(seriesOf)}::uuid[]))
                AND w."status" = 'SCHEDULED' AND w."startsAt" > ${$(now)}::timestamptz))
        RETURNING "id"
      ), l AS (
        INSERT INTO "ListMembership" ("listId", "prospectId")
        SELECT list."id", p."id" FROM p, "List" list
        WHERE NOT p."filtered" AND list."id" = ANY(${listIdsParam}) AND list."accountId" = ${account}
        ON CONFLICT DO NOTHING
        RETURNING "listId"
      ), t AS (
        INSERT INTO "Tag" ("accountId", "name")
        SELECT ${account}, name FROM unnest(${$(tagNames)}::text[]) AS name WHERE NOT (SELECT "filtered" FROM p)
        ON CONFLICT ("accountId", "name") DO UPDATE SET "name" = EXCLUDED."name"
        RETURNING "id"
      ), pt AS (
        INSERT INTO "ProspectTag" ("tagId", "prospectId") SELECT t."id", p."id" FROM t, p
        ON CONFLICT DO NOTHING
        RETURNING "tagId"
      )
      SELECT p."id" AS "prospectId", p."filtered", p."created", s."id" AS "submissionId",
        COALESCE((SELECT array_agg(r."id"::text) FROM r), '{}') AS "requestIds",
        (SELECT count(*)::int FROM "List" list WHERE list."id" = ANY(${listIdsParam}) AND list."accountId" = ${account}) AS "lists"
      FROM p, s`;
  // Straight to node-postgres (see pgQuery): a burst of submissions is CPU-bound on the API.
  const [row] = await retryOnDeadlock(() =>
    pgQuery<{
      prospectId: string;
      filtered: boolean;
      created: boolean;
      submissionId: string;
      requestIds: string[];
      lists: number;
    }>(options.db, sql, params),
  );
  if (!row) return undefined; // the key was taken: a retry
  const written = row;
  const skipped: string[] = [];
  if (!written.filtered) {
    if (webinarIds.length > written.requestIds.length)
      skipped.push(`REGISTER_WEBINAR: webinar ${webinarIds.join(", ")} no longer exists`);
    if (listIds.length > written.lists) skipped.push("ADD_TO_LIST: a list of this form no longer exists");
  }
  return {
    duplicate: false,
    prospectId: written.prospectId,
    prospectCreated: written.created,
    filtered: written.filtered,
    submissionId: written.submissionId,
    registrationRequestIds: written.requestIds,
    skipped,
  };
}

/** The stored submission a retry repeats: its prospect and registration requests, as first written. */
async function firstSubmission(options: WriteSubmissionOptions): Promise<WrittenSubmission | undefined> {
  const [row] = await pgQuery<{
    submissionId: string;
    prospectId: string;
    filtered: boolean;
    requestIds: string[];
  }>(
    options.db,
    `SELECT s."id" AS "submissionId", s."prospectId", p."filtered",
      COALESCE((SELECT array_agg(r."id"::text ORDER BY r."createdAt", r."id") FROM "RegistrationRequest" r WHERE r."formSubmissionId" = s."id"), '{}') AS "requestIds"
    FROM "FormSubmissionKey" k JOIN "FormSubmission" s ON s."id" = k."submissionId" JOIN "Prospect" p ON p."id" = s."prospectId"
    WHERE k."formId" = $1::uuid AND k."fingerprint" = $2`,
    [options.formId, options.retryKey.fingerprint],
  );
  if (!row) return undefined;
  return {
    duplicate: true,
    prospectId: row.prospectId,
    prospectCreated: false,
    filtered: row.filtered,
    submissionId: row.submissionId,
    registrationRequestIds: row.requestIds,
    skipped: [],
  };
}
