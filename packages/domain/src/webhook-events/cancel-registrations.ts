import { type PgQueryDb, pgQuery, retryOnDeadlock } from "@gw/db";
import { getScoringPoints } from "../scoring/get-scoring-rules";
import { recordActivities } from "../scoring/record-activities";

export interface CancelRegistrationsOptions {
  db: PgQueryDb;
  webinar: { id: string; accountId: string };
  /** Only these registrants; all of the webinar's registrations when absent (webinar cancelled). */
  registrantKeys?: string[];
  now: Date;
  /** Shown on the prospect's CANCELLED activity. */
  reason: string;
}

/**
 * Cancellations, which Pardot never reflected: the registration turns CANCELLED (reports leave it
 * out) and the prospect's timeline gets a CANCELLED activity, once. Returns how many changed.
 */
export async function cancelRegistrations(options: CancelRegistrationsOptions): Promise<number> {
  const { db, webinar, now, reason } = options;
  const keys = options.registrantKeys;
  if (keys && keys.length === 0) return 0;
  const cancelled = await retryOnDeadlock(() =>
    pgQuery<{ prospectId: string; registrantKey: string | null }>(
      db,
      `UPDATE "WebinarRegistration" SET "status" = 'CANCELLED', "cancelledAt" = $2::timestamptz, "updatedAt" = now()
       WHERE "webinarId" = $1::uuid AND "status" <> 'CANCELLED'
         AND ($3::text[] IS NULL OR "registrantKey" = ANY($3::text[]))
       RETURNING "prospectId", "registrantKey"`,
      [webinar.id, now, keys ?? null],
    ),
  );
  if (cancelled.length === 0) return 0;
  const points = await getScoringPoints({ db, accountId: webinar.accountId });
  await recordActivities({
    db,
    accountId: webinar.accountId,
    points,
    activities: cancelled.map((row) => ({
      prospectId: row.prospectId,
      webinarId: webinar.id,
      type: "CANCELLED" as const,
      occurredAt: now,
      details: { registrantKey: row.registrantKey, reason },
    })),
  });
  return cancelled.length;
}
