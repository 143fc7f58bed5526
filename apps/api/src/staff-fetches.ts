import { queueStaffFetches, type StaffFetch } from "@gw/domain/exclusions";
import { enqueueAll, fetchWebinarStaffJob } from "@gw/queues";
import type { ApiDeps } from "./deps";

/**
 * After a PANELIST / CO_ORGANIZER rule was added: the staff fetches the rules' transaction wrote
 * to the outbox go to Redis now, in chunks. A Redis that refuses them is logged and costs a
 * delay, not the fetches: the worker's dispatcher queues whatever the outbox still holds.
 */
export async function queueRequestedStaffFetches(
  deps: Pick<ApiDeps, "db" | "queues">,
  options: { fetches: StaffFetch[]; requestId: string; log: { warn(obj: object, msg?: string): void } },
): Promise<void> {
  if (options.fetches.length === 0) return;
  try {
    await queueStaffFetches({
      db: deps.db,
      fetches: options.fetches,
      enqueue: (chunk) => enqueueAll(deps.queues, fetchWebinarStaffJob, chunk, { requestId: options.requestId }),
    });
  } catch (error) {
    options.log.warn(
      { err: error, webinars: options.fetches.length },
      "could not queue the staff fetches of past webinars now; the dispatcher will",
    );
  }
}
