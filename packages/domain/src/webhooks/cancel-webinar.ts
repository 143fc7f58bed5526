import type { Db } from "@gw/db";
import { cancelRegistrations } from "./cancel-registrations";

export interface CancelWebinarOptions {
  db: Pick<Db, "$queryRaw" | "scoringRule" | "webinar">;
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
  const changed = await db.webinar.updateMany({
    where: { id: webinar.id, status: { not: "CANCELLED" } },
    data: { status: "CANCELLED", cancelledAt: now, nextPollAt: null, nextAttendanceSyncAt: null },
  });
  // Registrations are cancelled even when the webinar already was (a retried job finishing its work).
  await cancelRegistrations({ db, webinar, now, reason: options.reason ?? "webinar cancelled in GoTo Webinar" });
  return changed.count > 0;
}
