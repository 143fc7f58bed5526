import { type Db, pgQuery } from "@gw/db";
import {
  type GotoClient,
  GotoConflictError,
  GotoForbiddenError,
  GotoInputError,
  GotoNotFoundError,
  GotoUnauthorizedError,
  GotoValidationError,
} from "@gw/gotowebinar";
import { DomainError } from "../errors/index";
import { recordChangeEvents } from "../events/index";
import { recordFormRegistration } from "./record-form-registration";
import {
  DEFAULT_REGISTRATION_BACKOFF,
  describeDuration,
  type RegistrationBackoff,
  registrationBackoffMs,
} from "./registration-backoff";
import { registrationPayloadSchema } from "./registration-payload";
import { webinarClosedReason } from "./webinar-availability";

export type RegistrationGotoClient = Pick<GotoClient, "createRegistrant">;

export interface PushRegistrationLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface PushRegistrationOptions {
  db: Db;
  /** The connector's GoTo client (tokens, limiter); may throw when the connector cannot be used. */
  getGotoClient: (connectorId: string) => Promise<RegistrationGotoClient>;
  requestId: string;
  /** The request's `attempts` when this push was enqueued: a stale or duplicate job finds it moved on and does nothing. */
  attempt: number;
  log?: PushRegistrationLog;
  now?: () => Date;
  backoff?: RegistrationBackoff;
  /**
   * How long a claimed attempt holds the request before the sweeper may hand it to another
   * worker; renewed every third of it while the attempt runs, so it can stay short (a killed
   * worker's registration moves on within about this long). Default 8 s.
   */
  leaseMs?: number;
  /** Aborts when the worker shuts down mid-attempt: the lease is released for another worker at once. */
  signal?: AbortSignal;
  /** Only for the failure message: the retry window the requests were written with. Default 24 hours. */
  giveUpAfterMs?: number;
  random?: () => number;
}

export type PushRegistrationResult =
  | { outcome: "skipped"; reason: string }
  | { outcome: "succeeded"; registrantKey: string; joinUrl: string | null; existing: boolean }
  | { outcome: "failed"; reason: string }
  /** Still PENDING: push again as attempt `attempt` at `nextAttemptAt`. */
  | { outcome: "retry"; attempt: number; nextAttemptAt: Date; reason: string };

interface ClaimedRequest {
  accountId: string;
  prospectId: string;
  formSubmissionId: string | null;
  source: "FORM" | "RULE";
  formId: string | null;
  payload: unknown;
  attempts: number;
  giveUpAt: Date;
  webinarId: string;
  subject: string;
  webinarKey: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  cancelledAt: Date | null;
  approvalType: string | null;
  connectorId: string;
  connectorName: string;
  connectorStatus: string;
  connectorLastError: string | null;
}

type Verdict = { kind: "fail"; reason: string } | { kind: "retry"; reason: string };

/**
 * Pushes one registration request to GoTo Webinar: one createRegistrant call with every mapped
 * field and custom answer. Success and "already registered" both end SUCCEEDED with the
 * registrant key and join URL, and the REGISTERED activity once. GoTo's refusals (400, unknown
 * webinar) and a closed webinar end FAILED with the reason; 429, 5xx, network errors and a
 * connector in ERROR stay PENDING with a backoff until the request's giveUpAt.
 */
export async function pushRegistration(options: PushRegistrationOptions): Promise<PushRegistrationResult> {
  const { db, requestId } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now();

  // Claim the attempt and read what the push needs, in one statement: exactly one worker moves
  // attempts N → N+1. The lease (nextAttemptAt) lets the sweeper hand the request on if this
  // worker dies mid-call.
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const leaseEnd = new Date(startedAt.getTime() + leaseMs);
  const [claimed] = await pgQuery<ClaimedRequest>(
    db,
    `UPDATE "RegistrationRequest" r SET "attempts" = r."attempts" + 1, "nextAttemptAt" = $1, "updatedAt" = now()
    FROM "Webinar" w JOIN "Connector" c ON c."id" = w."connectorId"
    WHERE r."id" = $2::uuid AND r."status" = 'PENDING' AND r."attempts" = $3 AND w."id" = r."webinarId"
    RETURNING r."accountId", r."prospectId", r."formSubmissionId", r."source"::text AS "source", r."payload", r."attempts", r."giveUpAt",
      w."id" AS "webinarId", w."subject", w."webinarKey", w."status"::text AS "status", w."startsAt", w."endsAt", w."cancelledAt",
      w."approvalType", w."connectorId", c."name" AS "connectorName", c."status"::text AS "connectorStatus", c."lastError" AS "connectorLastError",
      (SELECT s."formId" FROM "FormSubmission" s WHERE s."id" = r."formSubmissionId") AS "formId"`,
    [leaseEnd, requestId, options.attempt],
  );
  if (!claimed) return { outcome: "skipped", reason: "request is no longer pending at this attempt" };
  const lease = holdLease(db, requestId, claimed.attempts, leaseMs, options.signal);
  try {
    return await pushClaimed(options, claimed, startedAt);
  } finally {
    lease.stop();
  }
}

const DEFAULT_LEASE_MS = 8_000;

/**
 * Keeps the claimed attempt's lease (nextAttemptAt) ahead while the attempt runs; on abort
 * (shutdown) ends it now so the sweeper hands the request on without waiting it out. Each write
 * is guarded by the attempt, so a request another worker took over is left alone.
 */
function holdLease(db: Db, requestId: string, attempts: number, leaseMs: number, signal?: AbortSignal) {
  // Only ever moves the lease forward: a retry's later nextAttemptAt is never pulled back.
  const extend = () =>
    pgQuery(
      db,
      `UPDATE "RegistrationRequest" SET "nextAttemptAt" = $3
      WHERE "id" = $1::uuid AND "attempts" = $2 AND "status" = 'PENDING' AND "nextAttemptAt" < $3`,
      [requestId, attempts, new Date(Date.now() + leaseMs)],
    ).catch(() => undefined); // a missed beat shortens the lease, it loses nothing
  const timer = setInterval(() => void extend(), Math.max(250, Math.floor(leaseMs / 3)));
  timer.unref();
  const release = () => {
    clearInterval(timer);
    void pgQuery(
      db,
      `UPDATE "RegistrationRequest" SET "nextAttemptAt" = now() WHERE "id" = $1::uuid AND "attempts" = $2 AND "status" = 'PENDING'`,
      [requestId, attempts],
    ).catch(() => undefined);
  };
  signal?.addEventListener("abort", release, { once: true });
  return {
    stop() {
      clearInterval(timer);
      signal?.removeEventListener("abort", release);
    },
  };
}

async function pushClaimed(
  options: PushRegistrationOptions,
  claimed: ClaimedRequest,
  startedAt: Date,
): Promise<PushRegistrationResult> {
  const { db, requestId } = options;
  const now = options.now ?? (() => new Date());
  const request = claimed;
  const webinar = {
    id: claimed.webinarId,
    subject: claimed.subject,
    webinarKey: claimed.webinarKey,
    status: claimed.status,
    startsAt: claimed.startsAt,
    endsAt: claimed.endsAt,
    cancelledAt: claimed.cancelledAt,
    approvalType: claimed.approvalType,
    connectorId: claimed.connectorId,
  };
  const log = { requestId, webinarId: webinar.id, attempt: request.attempts };

  const closed = webinarClosedReason(webinar, startedAt);
  if (closed) return fail(options, claimed, `Not registered: ${closed} ("${webinar.subject}")`);

  const connector = {
    name: claimed.connectorName,
    status: claimed.connectorStatus,
    lastError: claimed.connectorLastError,
  };
  if (connector.status === "DISABLED")
    return fail(options, claimed, `Not registered: connector "${connector.name}" is disabled`);
  if (connector.status === "UNVERIFIED")
    return fail(options, claimed, `Not registered: connector "${connector.name}" is not verified`);
  if (connector.status === "ERROR") {
    // Re-verifying the connector fixes this: keep the request until the retry window ends.
    return retry(
      options,
      request,
      `Connector "${connector.name}" needs attention${connector.lastError ? ` (${connector.lastError})` : ""}; re-verify it and the registration goes through`,
    );
  }

  const parsed = registrationPayloadSchema.safeParse(request.payload);
  if (!parsed.success)
    return fail(
      options,
      claimed,
      `Not registered: the stored request is malformed (${parsed.error.issues[0]?.message})`,
    );
  const payload = parsed.data;

  let result: Awaited<ReturnType<RegistrationGotoClient["createRegistrant"]>>;
  try {
    const client = await options.getGotoClient(webinar.connectorId);
    result = await client.createRegistrant({
      webinarKey: webinar.webinarKey,
      email: payload.email,
      firstName: payload.firstName,
      lastName: payload.lastName,
      ...payload.fields,
      responses: payload.responses,
      source: payload.source,
    });
  } catch (error) {
    const verdict = classify(error, connector.name);
    options.log?.warn({ ...log, err: error, verdict: verdict.kind }, "registration push failed");
    return verdict.kind === "fail" ? fail(options, claimed, verdict.reason) : retry(options, request, verdict.reason);
  }

  const finishedAt = now();
  // No transaction: each write is idempotent (unique keys decide) and SUCCEEDED is written last.
  // If this worker dies in between, the lease runs out, the next attempt gets GoTo's "already
  // registered" for the same registrant and writes the same rows again, changing nothing.
  await recordFormRegistration({
    tx: db,
    accountId: request.accountId,
    prospectId: request.prospectId,
    webinarId: webinar.id,
    registrantKey: result.registrantKey,
    joinUrl: result.joinUrl ?? null,
    status: result.status,
    source: request.source,
    registrationStatus: webinar.approvalType === "MANUAL" ? "WAITING" : "APPROVED",
    occurredAt: finishedAt,
    sourceLabel: payload.source,
    utm: payload.utm ?? null,
    details: {
      source: request.source === "RULE" ? "rule" : "form",
      formId: request.formId,
      formSubmissionId: request.formSubmissionId,
      registrantKey: result.registrantKey,
      registrationRequestId: requestId,
    },
  });
  await pgQuery(
    db,
    `UPDATE "RegistrationRequest" SET "status" = 'SUCCEEDED', "registrantKey" = $2, "joinUrl" = $3, "lastError" = NULL,
      "completedAt" = $4, "updatedAt" = now()
    WHERE "id" = $1::uuid`,
    [requestId, result.registrantKey, result.joinUrl ?? null, finishedAt],
  );
  options.log?.info(
    { ...log, registrantKey: result.registrantKey, existing: result.status === "existing" },
    "registration pushed to GoTo",
  );
  return {
    outcome: "succeeded",
    registrantKey: result.registrantKey,
    joinUrl: result.joinUrl ?? null,
    existing: result.status === "existing",
  };
}

function classify(error: unknown, connectorName: string): Verdict {
  // From the connector's client: token refresh revoked (connector now in ERROR), not verified any
  // more, or a transient refresh failure. Re-verifying fixes all three, so keep the request.
  if (error instanceof DomainError) return { kind: "retry", reason: error.message };
  if (error instanceof GotoValidationError)
    return { kind: "fail", reason: `GoTo Webinar refused the registration: ${error.message}` };
  if (error instanceof GotoNotFoundError)
    return {
      kind: "fail",
      reason: `GoTo Webinar does not know this webinar any more (deleted or cancelled there): ${error.message}`,
    };
  if (error instanceof GotoInputError)
    return { kind: "fail", reason: `The registration cannot be sent to GoTo Webinar: ${error.message}` };
  if (error instanceof GotoUnauthorizedError)
    return {
      kind: "retry",
      reason: `GoTo Webinar refused connector "${connectorName}"'s token; re-verify the connector`,
    };
  if (error instanceof GotoForbiddenError)
    return {
      kind: "fail",
      reason: `GoTo Webinar does not allow connector "${connectorName}" to register people for this webinar: ${error.message}`,
    };
  // A 409 the client could not resolve to a registrant (the list lagged): the next attempt will.
  if (error instanceof GotoConflictError)
    return { kind: "retry", reason: `GoTo Webinar reported a duplicate it could not show yet: ${error.message}` };
  return { kind: "retry", reason: `GoTo Webinar could not be reached: ${(error as Error)?.message ?? String(error)}` };
}

/**
 * Ends the request FAILED, and tells other systems in the same transaction (registration.failed,
 * with the reason): GoTo refused it or it could not be sent within its retry window.
 */
async function fail(
  options: PushRegistrationOptions,
  claimed: ClaimedRequest,
  reason: string,
): Promise<PushRegistrationResult> {
  const now = (options.now ?? (() => new Date()))();
  await options.db.$transaction(async (tx) => {
    await tx.registrationRequest.update({
      where: { id: options.requestId },
      data: { status: "FAILED", lastError: reason, completedAt: now },
      select: { id: true },
    });
    await recordChangeEvents({
      db: tx,
      events: [
        {
          accountId: claimed.accountId,
          type: "registration.failed",
          prospectId: claimed.prospectId,
          webinarId: claimed.webinarId,
          occurredAt: now,
          data: {
            registrationRequestId: options.requestId,
            formId: claimed.formId,
            formSubmissionId: claimed.formSubmissionId,
            attempts: claimed.attempts,
            reason,
          },
        },
      ],
    });
  });
  options.log?.warn({ requestId: options.requestId, reason }, "registration request failed");
  return { outcome: "failed", reason };
}

async function retry(
  options: PushRegistrationOptions,
  request: ClaimedRequest,
  reason: string,
): Promise<PushRegistrationResult> {
  const now = (options.now ?? (() => new Date()))();
  const nextAttemptAt = new Date(
    now.getTime() +
      registrationBackoffMs(request.attempts, options.backoff ?? DEFAULT_REGISTRATION_BACKOFF, options.random),
  );
  if (nextAttemptAt.getTime() > request.giveUpAt.getTime()) {
    return fail(
      options,
      request,
      `GoTo Webinar was unreachable for ${describeDuration(options.giveUpAfterMs ?? 24 * 3_600_000)}; last error: ${reason}`,
    );
  }
  await options.db.registrationRequest.update({
    where: { id: options.requestId },
    data: { lastError: reason, nextAttemptAt },
    select: { id: true },
  });
  return { outcome: "retry", attempt: request.attempts, nextAttemptAt, reason };
}
