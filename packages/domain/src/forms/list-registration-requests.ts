import type { Db, RegistrationRequestStatus } from "@gw/db";
import { type NewestFirstWindow, newestFirst } from "./newest-first";

export interface ListRegistrationRequestsOptions extends NewestFirstWindow {
  db: Db;
  accountId: string;
  status?: RegistrationRequestStatus;
  prospectId?: string;
  webinarId?: string;
  requestId?: string;
}

export interface RegistrationRequestView {
  id: string;
  status: RegistrationRequestStatus;
  /** Why it failed, or the last transient error while still pending. */
  reason: string | null;
  attempts: number;
  nextAttemptAt: Date;
  giveUpAt: Date;
  registrantKey: string | null;
  joinUrl: string | null;
  createdAt: Date;
  completedAt: Date | null;
  prospect: { id: string; email: string; firstName: string | null; lastName: string | null };
  webinar: { id: string; subject: string; startsAt: Date };
  formId: string | null;
}

/** Registration requests for admins: the failed ones to retry, or one prospect's history. */
export async function listRegistrationRequests(
  options: ListRegistrationRequestsOptions,
): Promise<{ requests: RegistrationRequestView[]; total: number }> {
  const where = {
    accountId: options.accountId,
    ...(options.status ? { status: options.status } : {}),
    ...(options.prospectId ? { prospectId: options.prospectId } : {}),
    ...(options.webinarId ? { webinarId: options.webinarId } : {}),
    ...(options.requestId ? { id: options.requestId } : {}),
  };
  const [rows, total] = await Promise.all([
    options.db.registrationRequest.findMany({
      where,
      ...newestFirst(options),
      select: {
        id: true,
        status: true,
        lastError: true,
        attempts: true,
        nextAttemptAt: true,
        giveUpAt: true,
        registrantKey: true,
        joinUrl: true,
        createdAt: true,
        completedAt: true,
        prospect: { select: { id: true, email: true, firstName: true, lastName: true } },
        webinar: { select: { id: true, subject: true, startsAt: true } },
        submission: { select: { formId: true } },
      },
    }),
    options.db.registrationRequest.count({ where }),
  ]);
  return {
    requests: rows.map(({ lastError, submission, ...row }) => ({
      ...row,
      reason: lastError,
      formId: submission?.formId ?? null,
    })),
    total,
  };
}
