import type { Db } from "@gw/db";
import type { FormDefinition } from "./form-definition";
import { buildRegistrationPayload, prospectUpdatesFrom } from "./registration-payload";
import { validateSubmission } from "./validate-submission";
import { writeSubmission } from "./write-submission";

export interface SubmitFormLog {
  warn(obj: object, msg?: string): void;
}

export interface SubmitFormOptions {
  db: Db;
  form: FormDefinition;
  /** The body as posted (urlencoded or JSON), field name → value. */
  values: Record<string, unknown>;
  /** True when the honeypot field was filled in: a bot. */
  honeypotFilled?: boolean;
  ip?: string;
  userAgent?: string;
  /** Adds the push job for one registration request; failures are logged, the sweeper catches up. */
  enqueueRegistration?: (requestId: string) => Promise<unknown>;
  log?: SubmitFormLog;
  now?: Date;
  /** Default 24 hours. */
  giveUpAfterMs?: number;
}

export type SubmitFormResult =
  | { outcome: "invalid"; values: Record<string, string>; errors: Record<string, string> }
  /** A bot filled the honeypot: it gets the normal thank-you, and nothing is stored. */
  | { outcome: "discarded" }
  | {
      outcome: "accepted";
      submissionId: string;
      prospectId: string;
      prospectCreated: boolean;
      /** Filtered prospects get no completion actions (Pardot), so they are not registered. */
      filtered: boolean;
      registrationRequestIds: string[];
      skippedActions: string[];
    };

const DAY_MS = 24 * 3_600_000;

/**
 * A person submits a hosted form. One atomic statement (see writeSubmission) finds or creates
 * the prospect, updates its fields, stores the submission and, unless the prospect is filtered,
 * runs the completion actions (a register action writes an outbox row). The push jobs are
 * enqueued after commit.
 */
export async function submitForm(options: SubmitFormOptions): Promise<SubmitFormResult> {
  const { db, form } = options;
  const now = options.now ?? new Date();
  const check = validateSubmission(form, options.values);
  if (Object.keys(check.errors).length > 0) return { outcome: "invalid", values: check.values, errors: check.errors };
  if (options.honeypotFilled) return { outcome: "discarded" };

  const { values } = check;
  const registration = buildRegistrationPayload(form, values);
  const updates = prospectUpdatesFrom(form, values);
  const written = await writeSubmission({
    db,
    accountId: form.accountId,
    formId: form.id,
    actions: form.completionActions,
    email: values.email ?? "",
    columns: updates.columns,
    custom: updates.custom,
    data: values,
    registration,
    ip: options.ip ?? null,
    userAgent: options.userAgent?.slice(0, 500) ?? null,
    now,
    giveUpAfterMs: options.giveUpAfterMs ?? DAY_MS,
  });

  // After commit: a lost enqueue costs a sweeper interval, never the registration (it is in Postgres).
  for (const requestId of written.registrationRequestIds) {
    try {
      await options.enqueueRegistration?.(requestId);
    } catch (error) {
      options.log?.warn(
        { err: error, requestId },
        "could not enqueue the registration push; the sweeper will pick it up",
      );
    }
  }

  return {
    outcome: "accepted",
    submissionId: written.submissionId,
    prospectId: written.prospectId,
    prospectCreated: written.prospectCreated,
    filtered: written.filtered,
    registrationRequestIds: written.registrationRequestIds,
    skippedActions: written.skipped,
  };
}
