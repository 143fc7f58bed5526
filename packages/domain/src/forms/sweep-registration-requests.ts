import type { Db } from "@gw/db";

export interface SweepRegistrationRequestsOptions {
  db: Db;
  /** Adds the push job for this request at this attempt (a deterministic job id makes it idempotent). */
  enqueue: (request: { requestId: string; attempt: number }) => Promise<unknown>;
  now?: Date;
  /** Per sweep; the next sweep takes the rest. Default 500. */
  limit?: number;
  /** Leave requests due for less than this to the job already queued for them. Default 2 s. */
  graceMs?: number;
}

/**
 * Re-enqueues PENDING registration requests whose next attempt is due: their job was lost with
 * Redis, or the worker running it died (its lease ran out). Postgres is the truth; a request
 * whose job is still queued is added again under the same job id, which BullMQ ignores.
 */
export async function sweepRegistrationRequests(
  options: SweepRegistrationRequestsOptions,
): Promise<{ enqueued: number; failedToEnqueue: number }> {
  const due = await options.db.registrationRequest.findMany({
    where: {
      status: "PENDING",
      nextAttemptAt: { lte: new Date((options.now ?? new Date()).getTime() - (options.graceMs ?? 2_000)) },
    },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 500,
    select: { id: true, attempts: true },
  });
  let enqueued = 0;
  let failedToEnqueue = 0;
  for (const request of due) {
    try {
      await options.enqueue({ requestId: request.id, attempt: request.attempts });
      enqueued++;
    } catch {
      failedToEnqueue++;
    }
  }
  return { enqueued, failedToEnqueue };
}
