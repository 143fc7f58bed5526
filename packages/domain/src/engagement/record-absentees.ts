import { type PgQueryDb, pgQuery } from "@gw/db";
import type { ActivityInput } from "../scoring/record-activities";

/**
 * ABSENT (Marketo's "No Show"): approved registrations of an ended webinar that did not
 * attend, once the final attendance sync is done. Cancelled, denied and waiting registrations
 * are not absentees (they were never expected to attend).
 */
export interface ListAbsentActivitiesOptions {
  db: PgQueryDb;
  webinar: { id: string; endsAt: Date };
}

export async function listAbsentActivities({ db, webinar }: ListAbsentActivitiesOptions): Promise<ActivityInput[]> {
  const rows = await pgQuery<{ prospectId: string; registrantKey: string | null }>(
    db,
    `SELECT "prospectId", "registrantKey" FROM "WebinarRegistration"
     WHERE "webinarId" = $1::uuid AND NOT "attended" AND "status" = 'APPROVED' AND "cancelledAt" IS NULL`,
    [webinar.id],
  );
  return rows.map((r) => ({
    prospectId: r.prospectId,
    webinarId: webinar.id,
    type: "ABSENT" as const,
    occurredAt: webinar.endsAt,
    details: { registrantKey: r.registrantKey },
  }));
}
