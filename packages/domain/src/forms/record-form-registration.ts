import { type PgQueryDb, type Prisma, pgQuery } from "@gw/db";
import { getScoringPoints } from "../scoring/get-scoring-rules";
import { recordActivities } from "../scoring/record-activities";

export interface RecordFormRegistrationOptions {
  /** The client or a transaction: every write here is idempotent on its own. */
  tx: PgQueryDb & Pick<Prisma.TransactionClient, "scoringRule">;
  accountId: string;
  prospectId: string;
  webinarId: string;
  registrantKey: string;
  joinUrl: string | null;
  /** "created": GoTo made a new registrant; "existing": the e-mail was already registered. */
  status: "created" | "existing";
  /** WAITING for webinars whose registrations the organizer approves by hand. */
  registrationStatus: "APPROVED" | "WAITING";
  occurredAt: Date;
  details: Record<string, unknown>;
  /** What asked for the registration: a form submission or an automation rule's register action. */
  source: "FORM" | "RULE";
  /** The `source` told to GoTo, and the visit's UTM parameters: kept from the first form that had them. */
  sourceLabel?: string | null;
  utm?: Record<string, string> | null;
}

/**
 * Stores what GoTo answered on the prospect: the registration (source FORM or RULE, as the
 * request's, when our push made it) and the REGISTERED activity with its scoring points through the scoring area's
 * `recordActivities`, both exactly once however often the push or the registrant sync runs.
 */
export async function recordFormRegistration(
  options: RecordFormRegistrationOptions,
): Promise<{ activityCreated: boolean; points: number }> {
  const { tx, accountId, prospectId, webinarId, registrantKey, joinUrl, occurredAt } = options;
  const pointsLookup = getScoringPoints({ db: tx, accountId });
  pointsLookup.catch(() => undefined);
  // "created": GoTo made the registrant for us, so ours is the registration's source. "existing":
  // already registered (GoTo's own page, an earlier form): keep where it came from, fill gaps.
  const keepSource = `"sourceLabel" = COALESCE("WebinarRegistration"."sourceLabel", EXCLUDED."sourceLabel"),
         "utm" = COALESCE("WebinarRegistration"."utm", EXCLUDED."utm")`;
  const onConflict =
    options.status === "created"
      ? `"registrantKey" = EXCLUDED."registrantKey", "joinUrl" = COALESCE(EXCLUDED."joinUrl", "WebinarRegistration"."joinUrl"),
         "status" = EXCLUDED."status", "source" = EXCLUDED."source", "cancelledAt" = NULL, ${keepSource}, "updatedAt" = now()`
      : `"registrantKey" = COALESCE("WebinarRegistration"."registrantKey", EXCLUDED."registrantKey"),
         "joinUrl" = COALESCE("WebinarRegistration"."joinUrl", EXCLUDED."joinUrl"), ${keepSource}, "updatedAt" = now()`;
  await pgQuery(
    tx,
    `INSERT INTO "WebinarRegistration" ("accountId", "webinarId", "prospectId", "registrantKey", "joinUrl", "status", "source", "registeredAt", "sourceLabel", "utm", "updatedAt")
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6::"RegistrationStatus", $10::"RegistrationSource", $7, $8, $9::jsonb, now())
    ON CONFLICT ("webinarId", "prospectId") DO UPDATE SET ${onConflict}`,
    [
      accountId,
      webinarId,
      prospectId,
      registrantKey,
      joinUrl,
      options.registrationStatus,
      occurredAt,
      options.sourceLabel ?? null,
      options.utm ? JSON.stringify(options.utm) : null,
      options.source,
    ],
  );

  const points = await pointsLookup;
  const recorded = await recordActivities({
    db: tx,
    accountId,
    points,
    activities: [{ prospectId, webinarId, type: "REGISTERED", occurredAt, details: options.details }],
  });
  return { activityCreated: recorded.created > 0, points: recorded.pointsAwarded };
}
