import { listWebinarsWithoutStaffSync, type WebinarStaffRole } from "@gw/domain/exclusions";
import { enqueueAll, fetchWebinarStaffJob } from "@gw/queues";
import type { ApiDeps } from "./deps";

/**
 * After a PANELIST / CO_ORGANIZER rule was added: one background job per webinar no sync reads
 * again, so the rule reaches the staff of past webinars too. Returns how many were queued. The
 * rules are saved whatever happens here: a Redis that fails the add is logged and counts 0.
 */
export async function queueStaffFetches(
  deps: Pick<ApiDeps, "db" | "queues">,
  options: {
    accountId: string;
    roles: WebinarStaffRole[];
    requestId: string;
    log: { warn(obj: object, msg?: string): void };
  },
): Promise<number> {
  if (options.roles.length === 0) return 0;
  const webinarIds = await listWebinarsWithoutStaffSync({ db: deps.db, accountId: options.accountId });
  try {
    await enqueueAll(
      deps.queues,
      fetchWebinarStaffJob,
      webinarIds.map((webinarId) => ({ webinarId, roles: options.roles })),
      { requestId: options.requestId },
    );
    return webinarIds.length;
  } catch (error) {
    options.log.warn({ err: error, webinars: webinarIds.length }, "could not queue the staff fetches of past webinars");
    return 0;
  }
}
