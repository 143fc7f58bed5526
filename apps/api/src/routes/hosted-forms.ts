import rateLimit from "@fastify/rate-limit";
import { DomainError } from "@gw/domain";
import { DEFAULT_THANK_YOU, type FormDefinition, getForm, submitForm } from "@gw/domain/forms";
import { enqueue, type JobOutcome, pushRegistrationJob } from "@gw/queues";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { type FastifyPluginAsyncZod, hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { HONEYPOT_FIELD, renderFormPage, renderNoticePage, renderThankYouPage } from "../views/hosted-form";
import { errorBody } from "./auth-schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENQUEUE_TIMEOUT_MS = 2_000;
const FORM_CACHE_MS = 2_000;
const REASON: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  410: "Gone",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

const params = z.object({ formId: z.string().describe("The form's id") });
const registrationState = z.enum(["registered", "pending", "failed"]);
type RegistrationState = z.infer<typeof registrationState>;
const accepted = z.object({
  status: z.literal("accepted"),
  message: z.string().describe("The form's thank-you message"),
  redirectUrl: z.string().optional().describe("Where a browser would be sent instead of the message"),
  registrations: z
    .array(z.object({ status: registrationState }))
    .optional()
    .describe(
      "One per webinar the form registers for: registered (GoTo Webinar has the registrant and sends its confirmation e-mail), failed (refused; an admin sees why under failed registrations), or pending (still on its way, retried until it goes through). Absent when the form registers for nothing or the person was not registered (filtered prospect).",
    ),
});

/** What a finished push job said, as far as the person submitting should know. */
function registrationStateOf(outcome: JobOutcome): RegistrationState {
  if (outcome.state !== "completed") return "pending";
  const result = (outcome.value as { outcome?: string } | null)?.outcome;
  return result === "succeeded" ? "registered" : result === "failed" ? "failed" : "pending";
}

class HostedFormError extends Error {
  constructor(
    readonly statusCode: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

/** JSON for API callers (Accept: application/json, or a JSON body from a non-browser), HTML otherwise. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? "");
  if (accept.includes("text/html")) return false;
  if (accept.includes("application/json")) return true;
  return String(request.headers["content-type"] ?? "").startsWith("application/json");
}

function sendHtml(reply: FastifyReply, statusCode: number, body: string) {
  return reply
    .status(statusCode)
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "same-origin")
    .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'")
    .send(body);
}

function errorJson(
  request: FastifyRequest,
  statusCode: number,
  error: string,
  message: string,
  fields?: { field: string; message: string }[],
) {
  return { statusCode, error, message, reqId: request.id, ...(fields ? { fields } : {}) };
}

/**
 * The hosted form page and its submissions: public (no session, no CSRF),
 * rate-limited per IP on POST, server-rendered and usable without JavaScript.
 */
export const hostedFormRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { config, db, queues } = deps;

    // Counted in Redis so every API process shares the budget; a Redis outage lets people submit
    // (the submission is in Postgres either way) rather than turning everyone away.
    await app.register(rateLimit, {
      global: false,
      redis: deps.redis,
      nameSpace: `${config.redis.prefix}:form-rate:`,
      skipOnError: true,
    });

    // Errors on these routes are pages (or JSON for API callers), never the admin API's JSON alone.
    app.setErrorHandler((error: FastifyError | Error, request, reply) => {
      let statusCode = 500;
      let title = "Something went wrong";
      let message =
        "Your details could not be sent because of a problem on our side. Please try again in a few minutes.";
      if (error instanceof HostedFormError) {
        ({ statusCode, title } = error);
        message = error.message;
      } else if (hasZodFastifySchemaValidationErrors(error)) {
        statusCode = 400;
        title = "The form could not be read";
        message = "Send the form's fields as application/x-www-form-urlencoded or a JSON object.";
      } else if ("statusCode" in error && typeof error.statusCode === "number" && error.statusCode < 500) {
        statusCode = error.statusCode;
        title =
          statusCode === 429
            ? "Too many submissions"
            : statusCode === 415
              ? "Unsupported form encoding"
              : "The form could not be sent";
        message =
          statusCode === 429
            ? "Too many forms were sent from your network in a short time. Please wait a minute and try again."
            : statusCode === 415
              ? "Send the form as application/x-www-form-urlencoded or JSON."
              : error.message;
      }
      if (statusCode >= 500) request.log.error({ err: error }, "hosted form request failed");
      if (wantsJson(request))
        return reply.status(statusCode).send(errorJson(request, statusCode, REASON[statusCode] ?? "Error", message));
      return sendHtml(reply, statusCode, renderNoticePage(title, message));
    });

    // A burst of people on one form reads its definition once per FORM_CACHE_MS, not once per
    // request (the connection pool is what a burst waits on). An edit or archive shows within that.
    const cache = new Map<string, { form: FormDefinition; until: number }>();
    const loadForm = async (formId: string): Promise<FormDefinition> => {
      const notFound = new HostedFormError(
        404,
        "Form not found",
        "There is no form at this address. Check the link you followed.",
      );
      if (!UUID.test(formId)) throw notFound;
      let form: FormDefinition;
      const cached = cache.get(formId);
      if (cached && cached.until > Date.now()) {
        form = cached.form;
      } else {
        try {
          form = await getForm({ db, formId });
        } catch (error) {
          if (error instanceof DomainError && error.code === "NOT_FOUND") throw notFound;
          throw error;
        }
        if (cache.size >= 1_000) cache.clear();
        cache.set(formId, { form, until: Date.now() + FORM_CACHE_MS });
      }
      if (form.archivedAt)
        throw new HostedFormError(
          410,
          "This form is closed",
          "This form no longer accepts submissions. Thank you for your interest.",
        );
      return form;
    };

    app.get(
      "/f/:formId",
      {
        schema: {
          tags: ["hosted forms"],
          summary: "The hosted form page (HTML)",
          description:
            "Server-rendered, accessible HTML; works without JavaScript. 404 for an unknown form, 410 for an archived one.",
          params,
        },
      },
      async (request, reply) => {
        const form = await loadForm(request.params.formId);
        return sendHtml(reply, 200, renderFormPage(form));
      },
    );

    app.post(
      "/f/:formId",
      {
        config: {
          // Any site may post its visitors' details here: that is what a hosted form is for.
          csrf: false,
          rateLimit: {
            max: config.forms.rateLimitPerMinute,
            timeWindow: 60_000,
            keyGenerator: (request) => request.ip,
            errorResponseBuilder: () =>
              new HostedFormError(
                429,
                "Too many submissions",
                "Too many forms were sent from your network in a short time. Please wait a minute and try again.",
              ),
          },
        },
        schema: {
          tags: ["hosted forms"],
          summary: "Submit a hosted form",
          description:
            "Takes application/x-www-form-urlencoded (browsers) or JSON (API callers). With Accept: application/json the answers are JSON: 200 accepted, 400 with `fields` naming each bad field. Otherwise HTML: the thank-you page, a 303 to the form's redirect URL, or the form again (400) with field-level messages and what was typed. A filled honeypot field gets the normal thank-you answer and nothing is stored. Rate-limited per IP (429). When the form registers for webinars, the answer waits (up to FORM_REGISTRATION_WAIT_MS, 3 s by default) until GoTo Webinar has the registrant; a slower registration still goes through, from the queue.",
          params,
          body: z.record(z.string(), z.unknown()).optional(),
          response: { 200: accepted, 400: errorBody, 404: errorBody, 410: errorBody, 429: errorBody },
        },
      },
      async (request, reply) => {
        const form = await loadForm(request.params.formId);
        const waitMs = config.forms.registrationWaitMs;
        const waitUntil = Date.now() + waitMs;
        const waits: Promise<RegistrationState>[] = [];
        const body = (request.body ?? {}) as Record<string, unknown>;
        const honeypot = body[HONEYPOT_FIELD];
        const result = await submitForm({
          db,
          form,
          values: body,
          honeypotFilled:
            typeof honeypot === "string" ? honeypot.trim() !== "" : honeypot !== undefined && honeypot !== null,
          ip: request.ip,
          userAgent: typeof request.headers["user-agent"] === "string" ? request.headers["user-agent"] : undefined,
          giveUpAfterMs: config.registrations.giveUpAfterMs,
          enqueueRegistration: async (requestId) => {
            let expected: ReturnType<ApiDeps["registrationWaiter"]["expect"]> | undefined;
            if (waitMs > 0) {
              try {
                expected = deps.registrationWaiter.expect(
                  pushRegistrationJob.jobId!({ requestId, attempt: 0 }),
                  waitUntil,
                );
              } catch (error) {
                request.log.warn({ err: error, requestId }, "cannot wait for the registration; answering without");
              }
              waits.push(expected ? expected.outcome.then(registrationStateOf) : Promise.resolve("pending"));
            }
            try {
              await Promise.race([
                enqueue(queues, pushRegistrationJob, { requestId, attempt: 0 }, { requestId: request.id }),
                new Promise((_, reject) =>
                  setTimeout(
                    () => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)),
                    ENQUEUE_TIMEOUT_MS,
                  ).unref(),
                ),
              ]);
            } catch (error) {
              expected?.cancel(); // answers "pending" at once: the sweeper will queue it
              throw error;
            }
          },
          log: request.log,
        });
        // The answer waits (up to FORM_REGISTRATION_WAIT_MS) until GoTo has the registrant: the
        // person knows it worked, and a burst of submissions is paced by how fast registrations
        // go through instead of piling up behind them. Not waited for: retries, GoTo being down.
        const states = await Promise.all(waits);
        if (result.outcome === "accepted" && states.includes("pending")) {
          // The waiter may have missed the end (its reader opens with the first submission) or
          // another push (the sweeper's) got there first: the outbox row knows.
          const rows = await db.registrationRequest.findMany({
            where: { id: { in: result.registrationRequestIds } },
            select: { id: true, status: true },
          });
          const byId = new Map(rows.map((row) => [row.id, row.status]));
          result.registrationRequestIds.forEach((id, i) => {
            const status = byId.get(id);
            if (states[i] === "pending" && status && status !== "PENDING")
              states[i] = status === "SUCCEEDED" ? "registered" : "failed";
          });
        }
        const registrations = states.map((status) => ({ status }));

        if (result.outcome === "invalid") {
          request.log.info({ formId: form.id, fields: Object.keys(result.errors) }, "form submission refused");
          if (wantsJson(request)) {
            const fields = Object.entries(result.errors).map(([field, message]) => ({ field, message }));
            return reply
              .status(400)
              .send(
                errorJson(
                  request,
                  400,
                  "Bad Request",
                  fields.map((f) => `${f.field}: ${f.message}`).join("; "),
                  fields,
                ),
              );
          }
          return sendHtml(reply, 400, renderFormPage(form, { values: result.values, errors: result.errors }));
        }

        if (result.outcome === "discarded")
          request.log.info({ formId: form.id }, "honeypot filled: submission discarded");
        else
          request.log.info(
            {
              formId: form.id,
              submissionId: result.submissionId,
              prospectId: result.prospectId,
              registrationRequestIds: result.registrationRequestIds,
              filtered: result.filtered,
            },
            "form submitted",
          );

        const message = form.thankYouMessage ?? DEFAULT_THANK_YOU;
        if (wantsJson(request)) {
          return reply.status(200).send({
            status: "accepted" as const,
            message,
            ...(form.redirectUrl ? { redirectUrl: form.redirectUrl } : {}),
            ...(result.outcome === "accepted" && result.registrationRequestIds.length > 0
              ? {
                  registrations:
                    waitMs > 0
                      ? registrations
                      : result.registrationRequestIds.map(() => ({ status: "pending" as const })),
                }
              : {}),
          });
        }
        if (form.redirectUrl) return reply.header("cache-control", "no-store").redirect(form.redirectUrl, 303);
        return sendHtml(reply, 200, renderThankYouPage(form, message));
      },
    );
  };
