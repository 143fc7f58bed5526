import rateLimit from "@fastify/rate-limit";
import {
  hostedFormAccepted as accepted,
  hostedFormCalendarQuery as calendarQuery,
  errorBody,
  hostedFormSubmission,
  hostedFormParams as params,
} from "@gw/api-contract";
import { DomainError } from "@gw/domain";
import {
  DEFAULT_THANK_YOU,
  forRegisteredSession,
  getFormWebinar,
  listRegistrationLinks,
  submitForm,
  visitSourceFrom,
} from "@gw/domain/forms";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { errorBodyOf } from "../plugins/error-body";
import { RETRY_AFTER_SECONDS, statusOf } from "../plugins/error-handler";
import { createRegistrationPushes } from "../registration-pushes";
import { googleCalendarUrl, outlookCalendarUrl, renderIcs } from "../views/calendar";
import { type CspBranding, hostedPageCsp } from "../views/hosted-csp";
import { renderFormPage, renderNoticePage, renderThankYouPage } from "../views/hosted-form";
import { hostedFormAssetRoutes } from "./hosted-form-assets";
import { isPersonView } from "./hosted-form-view";

const TOO_MANY = "Too many forms were sent from your network in a short time. Please wait a minute and try again.";

/** What a person reads on an error page: a title and what to do, by status. */
function noticeOf(error: FastifyError | Error, statusCode: number): { title: string; message: string } {
  if (statusCode === 503)
    return {
      title: "Please try again in a minute",
      message:
        error instanceof DomainError
          ? error.message
          : "Your details could not be saved just now because of a problem on our side. Nothing was stored: please try again in a minute.",
    };
  if (statusCode >= 500)
    return {
      title: "Something went wrong",
      message: "Your details could not be sent because of a problem on our side. Please try again in a few minutes.",
    };
  if (error instanceof DomainError && error.code === "NOT_FOUND")
    return { title: "Form not found", message: error.message };
  if (error instanceof DomainError && error.code === "GONE")
    return { title: "This form is closed", message: error.message };
  if (statusCode === 429) return { title: "Too many submissions", message: TOO_MANY };
  if (statusCode === 415)
    return {
      title: "Unsupported form encoding",
      message: "Send the form as application/x-www-form-urlencoded or JSON.",
    };
  if (statusCode === 400 && !(error instanceof DomainError))
    return {
      title: "The form could not be read",
      message: "Send the form's fields as application/x-www-form-urlencoded or a JSON object.",
    };
  return { title: "The form could not be sent", message: error.message };
}

/** JSON for API callers (Accept: application/json, or a JSON body from a non-browser), HTML otherwise. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? "");
  if (accept.includes("text/html")) return false;
  if (accept.includes("application/json")) return true;
  return String(request.headers["content-type"] ?? "").startsWith("application/json");
}

function sendHtml(reply: FastifyReply, statusCode: number, body: string, branding?: CspBranding) {
  return reply
    .status(statusCode)
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "same-origin")
    .header("content-security-policy", hostedPageCsp(branding))
    .send(body);
}

/**
 * The hosted form page and its submissions: public (no session, no CSRF),
 * rate-limited per IP on POST, server-rendered and usable without JavaScript. The rules are the
 * domain's (submitForm); this turns its answers into pages or JSON.
 */
export const hostedFormRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { config, db, queues } = deps;
    const ownFormPrefix = `${config.http.publicUrl}/f/`;
    const visitOf = (request: FastifyRequest, body?: Record<string, unknown>) =>
      visitSourceFrom({
        ...(body ? { body } : {}),
        query: request.query as Record<string, unknown>,
        refererHeader: request.headers.referer,
        ownFormPrefix,
      });

    // Counted in Redis so every API process shares the budget; a Redis outage lets people submit
    // (the submission is in Postgres either way) rather than turning everyone away.
    await app.register(rateLimit, {
      global: false,
      redis: deps.redis,
      nameSpace: `${config.redis.prefix}:form-rate:`,
      skipOnError: true,
    });

    // Errors on these routes are pages (or JSON for API callers), with the API's status table.
    app.setErrorHandler((error: FastifyError | Error, request, reply) => {
      const statusCode = statusOf(error);
      const { title, message } = noticeOf(error, statusCode);
      if (statusCode >= 500) request.log.error({ err: error }, "hosted form request failed");
      if (statusCode === 503) reply.header("retry-after", String(RETRY_AFTER_SECONDS));
      if (wantsJson(request)) return reply.status(statusCode).send(errorBodyOf(request, statusCode, message));
      return sendHtml(reply, statusCode, renderNoticePage(title, message));
    });

    app.get(
      "/f/:formId",
      {
        schema: {
          tags: ["hosted forms"],
          summary: "The hosted form page (HTML)",
          description:
            "Server-rendered, accessible HTML; works without JavaScript. 404 for an unknown form, 410 for an archived one, 503 (with Retry-After) while the database cannot be reached.",
          params,
        },
      },
      // The visit's UTM parameters and referrer ride along in hidden inputs to the POST.
      async (request, reply) => {
        const form = await deps.hostedForms.load(request.params.formId);
        const webinar = await getFormWebinar({ db, form });
        if (isPersonView(request)) deps.formViews.count(form.id);
        return sendHtml(reply, 200, renderFormPage(form, { webinar, source: visitOf(request) }), form.branding);
      },
    );
    app.get(
      "/f/:formId/calendar.ics",
      {
        schema: {
          tags: ["hosted forms"],
          summary: "The form's webinar as an iCalendar file (every session), with the registrant's join link",
          description:
            "`registration` is the id the thank-you page links with: the file then carries that registrant's join link. 404 when the form registers for no webinar.",
          params,
          querystring: calendarQuery,
        },
      },
      async (request, reply) => {
        const form = await deps.hostedForms.load(request.params.formId);
        const webinar = await getFormWebinar({ db, form });
        if (!webinar) throw new DomainError("NOT_FOUND", "This form does not register for a webinar.");
        const [link] = request.query.registration
          ? await listRegistrationLinks({ db, requestIds: [request.query.registration], formId: form.id })
          : [];
        return reply
          .header("content-type", "text/calendar; charset=utf-8")
          .header("content-disposition", 'attachment; filename="webinar.ics"')
          .header("cache-control", "no-store")
          .send(renderIcs({ webinar: forRegisteredSession(webinar, link?.webinarId), joinUrl: link?.joinUrl ?? null }));
      },
    );

    await app.register(hostedFormAssetRoutes(deps));

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
            errorResponseBuilder: () => Object.assign(new Error(TOO_MANY), { statusCode: 429 }),
          },
        },
        schema: {
          tags: ["hosted forms"],
          summary: "Submit a hosted form",
          description:
            "Takes application/x-www-form-urlencoded (browsers) or JSON (API callers). With Accept: application/json the answers are JSON: 200 accepted, 400 with `fields` naming each bad field. Otherwise HTML: the thank-you page, a 303 to the form's redirect URL, or the form again (400) with field-level messages and what was typed. Each field takes one value: a list or an object is refused (400); numbers and booleans are taken as their text. A filled honeypot field gets the normal thank-you answer and nothing is stored. Rate-limited per IP (429). When the form registers for webinars, the answer waits (up to FORM_REGISTRATION_WAIT_MS, 3 s by default) until GoTo Webinar has the registrant; a slower registration still goes through, from the queue. A retry of the same submission (the same answers within 10 minutes, or the page's `_submission` token again) is answered as the first was and stores nothing more. While the database cannot be reached nothing is stored and the answer is 503 with Retry-After; once a submission is stored the answer is a success.",
          params,
          body: hostedFormSubmission,
          response: { 200: accepted, 400: errorBody, 404: errorBody, 410: errorBody, 429: errorBody, 503: errorBody },
        },
      },
      async (request, reply) => {
        const waitMs = config.forms.registrationWaitMs;
        const body = (request.body ?? {}) as Record<string, unknown>;
        const source = visitOf(request, body);
        const result = await submitForm({
          db,
          forms: deps.hostedForms,
          formId: request.params.formId,
          body,
          source,
          ip: request.ip,
          userAgent: typeof request.headers["user-agent"] === "string" ? request.headers["user-agent"] : undefined,
          registrations: createRegistrationPushes({
            queues,
            waiter: deps.registrationWaiter,
            log: request.log,
            httpRequestId: request.id,
          }),
          waitMs,
          giveUpAfterMs: config.registrations.giveUpAfterMs,
          log: request.log,
        });
        const { form } = result;

        if (result.outcome === "invalid") {
          request.log.info({ formId: form.id, fields: Object.keys(result.errors) }, "form submission refused");
          if (wantsJson(request)) {
            const fields = Object.entries(result.errors).map(([field, message]) => ({ field, message }));
            const message = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
            return reply.status(400).send(errorBodyOf(request, 400, message, fields));
          }
          return sendHtml(
            reply,
            400,
            renderFormPage(form, {
              values: result.values,
              errors: result.errors,
              consents: result.consents,
              source,
              webinar: await getFormWebinar({ db, form }),
              ...(result.token ? { token: result.token } : {}),
              ...(result.session ? { session: result.session } : {}),
            }),
            form.branding,
          );
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
              duplicate: result.duplicate,
            },
            result.duplicate ? "form submission retried: answered as the first" : "form submitted",
          );

        const message = form.thankYouMessage ?? DEFAULT_THANK_YOU;
        const requestIds = result.outcome === "accepted" ? result.registrationRequestIds : [];
        // What the person needs next: GoTo's join link and the webinar for their calendar.
        const [formWebinar, links] = await Promise.all([
          requestIds.length > 0 ? getFormWebinar({ db, form }) : null,
          listRegistrationLinks({ db, requestIds }),
        ]).catch((error) => {
          request.log.warn({ err: error, formId: form.id }, "thank-you details unavailable");
          return [null, []] as const;
        });
        const webinar = formWebinar && forRegisteredSession(formWebinar, links[0]?.webinarId);
        const icsUrl = (requestId: string) =>
          `${config.http.publicUrl}/f/${form.id}/calendar.ics?registration=${encodeURIComponent(requestId)}`;
        const entryOf = (joinUrl: string | null) => (webinar ? { webinar, joinUrl } : null);
        if (wantsJson(request)) {
          return reply.status(200).send({
            status: "accepted" as const,
            message,
            ...(form.redirectUrl ? { redirectUrl: form.redirectUrl } : {}),
            ...(result.outcome === "accepted" && requestIds.length > 0
              ? {
                  registrations: result.registrations.map((status, i) => {
                    const link = links.find((l) => l.requestId === requestIds[i]);
                    const entry = entryOf(link?.joinUrl ?? null);
                    return {
                      status,
                      joinUrl: link?.joinUrl ?? null,
                      ...(entry && requestIds[i]
                        ? {
                            calendar: {
                              ics: icsUrl(requestIds[i]),
                              google: googleCalendarUrl(entry),
                              outlook: outlookCalendarUrl(entry),
                            },
                          }
                        : {}),
                    };
                  }),
                }
              : {}),
          });
        }
        if (form.redirectUrl) return reply.header("cache-control", "no-store").redirect(form.redirectUrl, 303);
        const first = links[0];
        return sendHtml(
          reply,
          200,
          renderThankYouPage(form, message, {
            webinar,
            joinUrl: first?.joinUrl ?? null,
            icsUrl: first ? icsUrl(first.requestId) : null,
          }),
          form.branding,
        );
      },
    );
  };
