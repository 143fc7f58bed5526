import { type PgQueryDb, pgQuery } from "@gw/db";
import { cancelRegistrations } from "./cancel-registrations";

export interface CancelWebinarOptions {
  db: PgQueryDb;
  webinar: { id: string; accountId: string };
  now: Date;
  reason?: string;
}

/**
 * A webinar cancelled (deleted) in GoTo: CANCELLED with its time, never polled again, and each of
 * its registrations cancelled with a CANCELLED activity on the prospect. Returns whether the
 * webinar changed (false when it already was cancelled).
 */
export async function cancelWebinar(options: CancelWebinarOptions): Promise<boolean> {
  const { db, webinar, now } = options;
  // Registrations first: once the webinar reads CANCELLED, its prospects' timelines say so too.
  await cancelRegistrations({ db, webinar, now, reason: options.reason ?? "webinar cancelled in GoTo Webinar" });
  const changed = await pgQuery<{ id: string }>(
    db,
    `UPDATE "Webinar" SET "status" = 'CANCELLED', "cancelledAt" = $2::timestamptz, "nextPollAt" = NULL,
       "nextAttendanceSyncAt" = NULL, "updatedAt" = now()
     WHERE "id" = $1::uuid AND "status" <> 'CANCELLED'
     RETURNING "id"`,
    [webinar.id, now],
  );
  return changed.length > 0;
}
