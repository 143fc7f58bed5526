import type { Db } from "@gw/db";
import { retryOnDeadlock } from "@gw/db";
import { getScoringPoints } from "../scoring/get-scoring-rules";
import { recordActivities } from "../scoring/record-activities";

export interface CancelRegistrationsOptions {
  db: Pick<Db, "$queryRaw" | "$queryRawUnsafe" | "scoringRule">;
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
  const cancelled = await retryOnDeadlock(
    () => db.$queryRaw<{ prospect_id: string; registrant_key: string | null }[]>`
      UPDATE "WebinarRegistration" SET "status" = 'CANCELLED', "cancelledAt" = ${now}::timestamptz, "updatedAt" = now()
      WHERE "webinarId" = ${webinar.id}::uuid AND "status" <> 'CANCELLED'
        AND (${keys ?? null}::text[] IS NULL OR "registrantKey" = ANY(${keys ?? []}::text[]))
      RETURNING "prospectId" AS prospect_id, "registrantKey" AS registrant_key`,
  );
  if (cancelled.length === 0) return 0;
  const points = await getScoringPoints({ db, accountId: webinar.accountId });
  await recordActivities({
    db,
    accountId: webinar.accountId,
    points,
    activities: cancelled.map((row) => ({
      prospectId: row.prospect_id,
      webinarId: webinar.id,
      type: "CANCELLED" as const,
      occurredAt: now,
      details: { registrantKey: row.registrant_key, reason },
    })),
  });
  return cancelled.length;
}
