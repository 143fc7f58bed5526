import { createHash } from "node:crypto";
import { type Db, isDatabaseUnavailable } from "@gw/db";
import { DomainError } from "../errors/index";
import {
  type CompletionAction,
  HONEYPOT_FIELD,
  registerActionOf,
  SESSION_FIELD,
  SUBMISSION_TOKEN_FIELD,
} from "./form-definition";
import { type FormWebinar, getFormWebinar } from "./get-form-webinar";
import type { HostedForm, HostedFormCache } from "./hosted-form-cache";
import { buildRegistrationPayload, prospectUpdatesFrom } from "./registration-payload";
import { validateSubmission } from "./validate-submission";
import { isEmptySource, type VisitSource } from "./visit-source";
import { type WrittenSubmission, writeSubmission } from "./write-submission";

export interface SubmitFormLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Where a registration stands, as far as the person submitting should know. */
export type RegistrationState = "registered" | "pending" | "failed";

export interface RegistrationPushes {
  /**
   * Queues the first push of a registration request. Its `outcome` settles with what GoTo
   * Webinar said, or "pending" once `waitUntil` (epoch ms) passes; with `waitUntil` null it is
   * "pending" at once. Rejects when the push could not be queued (the sweeper will).
   */
  queue(requestId: string, waitUntil: number | null): Promise<{ outcome: Promise<RegistrationState> }>;
}

export interface SubmitFormOptions {
  db: Db;
  forms: HostedFormCache;
  formId: string;
  /** The body as posted (urlencoded or JSON), field name → value. */
  body: Record<string, unknown>;
  /** Where the visit came from (see visitSourceFrom). */
  source?: VisitSource;
  ip?: string;
  userAgent?: string;
  registrations?: RegistrationPushes;
  /** How long the answer may wait for GoTo to confirm the registrations; 0 answers at once. */
  waitMs?: number;
  /** Default 24 hours. */
  giveUpAfterMs?: number;
  /** A retry of the same answers this soon is the same submission. Default 10 minutes. */
  retryWindowMs?: number;
  log?: SubmitFormLog;
  now?: Date;
}

export type SubmitFormResult =
  | {
      outcome: "invalid";
      form: HostedForm;
      values: Record<string, string>;
      errors: Record<string, string>;
      /** Consent name → ticked: a refused form keeps the boxes as they were. */
      consents: Record<string, boolean>;
      token?: string;
      /** The session chosen (a "visitor chooses a session" form), kept on the page shown again. */
      session?: string;
    }
  /** A bot filled the honeypot: it gets the normal thank-you, and nothing is stored. */
  | { outcome: "discarded"; form: HostedForm }
  | {
      outcome: "accepted";
      form: HostedForm;
      /** A retry of a submission already stored: answered as the first was, nothing stored again. */
      duplicate: boolean;
      submissionId: string;
      prospectId: string;
      prospectCreated: boolean;
      /** Filtered prospects get no completion actions (Pardot), so they are not registered. */
      filtered: boolean;
      registrationRequestIds: string[];
      /** One per registration request, in the same order. */
      registrations: RegistrationState[];
      skippedActions: string[];
    };

const DAY_MS = 24 * 3_600_000;
const RETRY_WINDOW_MS = 10 * 60_000;
const TOKEN = /^[A-Za-z0-9-]{8,100}$/;

/**
 * A person submits a hosted form. The answers are checked; one atomic statement (see
 * writeSubmission) finds or creates the prospect, updates its fields, stores the submission and,
 * unless the prospect is filtered, runs the completion actions (a register action writes an
 * outbox row); then the registration pushes are queued and, for up to `waitMs`, waited for.
 *
 * Once the statement has committed the answer is "accepted" whatever fails next (queueing, the
 * wait, the status read): what was stored is what counts. Before that, a database that cannot be
 * reached is UNAVAILABLE (nothing was saved: try again). A retry of the same submission is
 * recognised and answered as the first, without storing or registering anything again.
 */
export async function submitForm(options: SubmitFormOptions): Promise<SubmitFormResult> {
  const { db } = options;
  const now = options.now ?? new Date();
  const form = await beforeSaving(() => options.forms.load(options.formId));
  const rawToken = options.body[SUBMISSION_TOKEN_FIELD];
  const token = typeof rawToken === "string" && TOKEN.test(rawToken) ? rawToken : null;
  const check = validateSubmission(form, options.body);
  const webinar = registerActionOf(form) ? await beforeSaving(() => getFormWebinar({ db, form, now })) : null;
  const rawSession = options.body[SESSION_FIELD];
  const choice = typeof rawSession === "string" ? rawSession.trim() : "";
  const sessionError = webinar && !webinar.closedReason ? sessionProblem(webinar, choice) : null;
  const errors = sessionError ? { ...check.errors, [SESSION_FIELD]: sessionError } : check.errors;
  if (Object.keys(errors).length > 0)
    return {
      outcome: "invalid",
      form,
      values: check.values,
      errors,
      consents: Object.fromEntries(check.consents.map((c) => [c.name, c.given])),
      ...(token ? { token } : {}),
      ...(choice ? { session: choice } : {}),
    };
  const honeypot = options.body[HONEYPOT_FIELD];
  if (typeof honeypot === "string" ? honeypot.trim() !== "" : honeypot !== undefined && honeypot !== null)
    return { outcome: "discarded", form };
  // A webinar that has started or ended takes no registrations: say so instead of storing a
  // submission whose registration can only fail.
  if (webinar?.closedReason) {
    throw new DomainError(
      "GONE",
      `Registration for “${webinar.subject}” is closed: ${webinar.closedReason}. Nothing was sent.`,
    );
  }

  const { values } = check;
  // A chosen session is registered for instead of the series' webinar the form was set up with.
  const chosen = webinar?.mode === "choose" ? choice : null;
  const actions: CompletionAction[] = chosen
    ? form.completionActions.map((a) => (a.type === "REGISTER_WEBINAR" ? { type: a.type, webinarId: chosen } : a))
    : form.completionActions;
  const data = chosen ? { ...values, [SESSION_FIELD]: chosen } : values;
  const updates = prospectUpdatesFrom(form, values);
  const source = options.source ?? {};
  const written = await beforeSaving(() =>
    writeSubmission({
      db,
      accountId: form.accountId,
      formId: form.id,
      formName: form.name,
      campaignId: form.campaignId,
      actions,
      email: values.email ?? "",
      columns: updates.columns,
      custom: updates.custom,
      data,
      consents: check.consents,
      utm: isEmptySource(source) ? null : source,
      registration: buildRegistrationPayload(form, values, { source, template: form.sourceTemplate }),
      ip: options.ip ?? null,
      userAgent: options.userAgent?.slice(0, 500) ?? null,
      now,
      giveUpAfterMs: options.giveUpAfterMs ?? DAY_MS,
      retryKey: { fingerprint: fingerprintOf(data), token, windowMs: options.retryWindowMs ?? RETRY_WINDOW_MS },
    }),
  );

  // Committed: from here on nothing may turn the answer into an error.
  let registrations: RegistrationState[] = written.registrationRequestIds.map(() => "pending");
  try {
    registrations = written.duplicate
      ? await storedStates(db, written.registrationRequestIds, registrations)
      : await pushAndWait(options, written);
  } catch (error) {
    options.log?.warn(
      { err: error, submissionId: written.submissionId },
      "registration status unknown; answering pending",
    );
  }
  return {
    outcome: "accepted",
    form,
    duplicate: written.duplicate,
    submissionId: written.submissionId,
    prospectId: written.prospectId,
    prospectCreated: written.prospectCreated,
    filtered: written.filtered,
    registrationRequestIds: written.registrationRequestIds,
    registrations,
    skippedActions: written.skipped,
  };
}

/** What is wrong with the session sent to a "visitor chooses a session" form, or null. */
function sessionProblem(webinar: FormWebinar, choice: string): string | null {
  if (webinar.mode !== "choose") return null;
  if (!choice) return "Choose a session";
  if (!webinar.sessions.some((session) => session.id === choice))
    return "That session is no longer open for registration; choose another";
  return null;
}

/** A database outage before anything is stored is UNAVAILABLE (a 503 the person can retry), never a 500. */
async function beforeSaving<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isDatabaseUnavailable(error))
      throw new DomainError(
        "UNAVAILABLE",
        "Your details could not be saved just now because of a problem on our side. Nothing was stored: please try again in a minute.",
        { retryable: true },
        { cause: error },
      );
    throw error;
  }
}

/** The answers as stored, in a stable order: the same answers give the same hash. */
function fingerprintOf(values: Record<string, string>): string {
  const entries = Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256").update(JSON.stringify(entries)).digest("hex");
}

/**
 * Queues each push and waits (up to `waitMs`) until GoTo has the registrant: the person knows it
 * worked, and a burst of submissions is paced by how fast registrations go through instead of
 * piling up behind them. A lost enqueue costs a sweeper interval, never the registration.
 */
async function pushAndWait(options: SubmitFormOptions, written: WrittenSubmission): Promise<RegistrationState[]> {
  const waitMs = options.waitMs ?? 0;
  const waitUntil = waitMs > 0 ? Date.now() + waitMs : null;
  const waits: Promise<RegistrationState>[] = [];
  for (const requestId of written.registrationRequestIds) {
    try {
      const queued = await options.registrations?.queue(requestId, waitUntil);
      waits.push(queued?.outcome ?? Promise.resolve("pending"));
    } catch (error) {
      options.log?.warn(
        { err: error, requestId },
        "could not enqueue the registration push; the sweeper will pick it up",
      );
      waits.push(Promise.resolve("pending"));
    }
  }
  const states = await Promise.all(waits.map((wait) => wait.catch((): RegistrationState => "pending")));
  // The waiter may have missed the end (its reader opens with the first submission) or another
  // push (the sweeper's) got there first: the outbox row knows.
  return waitUntil !== null && states.includes("pending")
    ? storedStates(options.db, written.registrationRequestIds, states)
    : states;
}

/** Fills in the "pending" entries from the registration requests' stored status. */
async function storedStates(db: Db, requestIds: string[], states: RegistrationState[]): Promise<RegistrationState[]> {
  if (requestIds.length === 0) return states;
  const rows = await db.registrationRequest.findMany({
    where: { id: { in: requestIds } },
    select: { id: true, status: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row.status]));
  return requestIds.map((id, i) => {
    const status = byId.get(id);
    if (states[i] !== "pending" || !status || status === "PENDING") return states[i]!;
    return status === "SUCCEEDED" ? "registered" : "failed";
  });
}
