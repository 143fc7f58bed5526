import type { Db } from "@gw/db";
import { conflict, notFound } from "../errors/index";

export interface RetryRegistrationRequestOptions {
  db: Db;
  accountId: string;
  requestId: string;
  now?: Date;
  /** A fresh retry window. Default 24 hours. */
  giveUpAfterMs?: number;
}

/**
 * An admin retries a failed registration (after fixing the webinar's questions in GoTo, say):
 * back to PENDING with a fresh retry window. `attempts` keeps counting so the new push job's id
 * never collides with an old one. The caller enqueues the returned attempt.
 */
export async function retryRegistrationRequest(
  options: RetryRegistrationRequestOptions,
): Promise<{ requestId: string; attempt: number }> {
  const { db, accountId, requestId } = options;
  const now = options.now ?? new Date();
  const updated = await db.registrationRequest.updateMany({
    where: { id: requestId, accountId, status: "FAILED" },
    data: {
      status: "PENDING",
      nextAttemptAt: now,
      giveUpAt: new Date(now.getTime() + (options.giveUpAfterMs ?? 24 * 3_600_000)),
      completedAt: null,
    },
  });
  if (updated.count === 0) {
    const existing = await db.registrationRequest.findFirst({
      where: { id: requestId, accountId },
      select: { status: true },
    });
    if (!existing) throw notFound("Registration request", requestId);
    throw conflict(`Registration request ${requestId} is ${existing.status}; only FAILED requests can be retried`);
  }
  const request = await db.registrationRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { attempts: true },
  });
  return { requestId, attempt: request.attempts };
}
