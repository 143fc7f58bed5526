import {
  errorBody,
  webhookParams as params,
  webhookCallbackCheck,
  webhookEventBody,
  webhookHeaders,
  webhookReceived,
} from "@gw/api-contract";
import { DomainError } from "@gw/domain";
import { createWebhookEventStore, receiveWebhookEvent } from "@gw/domain/webhook-events";
import { WEBHOOK_PATH_PREFIX } from "@gw/domain/webhook-subscriptions";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { createWebhookAbuseGuard, type RejectionVerdict } from "../plugins/webhook-abuse";

/** GoTo's events are small; anything near this is not one of them. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

/**
 * GoTo's webhook receiver: neither session-authenticated nor CSRF-checked (opted out); each
 * delivery proves itself with its signature instead. Verifies, stores and answers: the worker's
 * consumer hears of the stored event from Postgres (NOTIFY) and applies it, so GoTo gets its 200
 * in milliseconds. Redis is asked only whether the sender's address is blocked, and for at most
 * 50 ms (then this process's own count answers); a Postgres that cannot take the event in time
 * gets the delivery a 503 with Retry-After, and GoTo sends it again.
 */
export const webhookRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // The signature covers the exact bytes sent: keep the body as a string, whatever its type says.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("*", { parseAs: "string", bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    const { secretBox } = deps;
    // One per process: concurrent deliveries share INSERTs and connector lookups.
    const store = createWebhookEventStore({ db: deps.db });
    const guard = createWebhookAbuseGuard(deps.redis, deps.config.redis.prefix, deps.config.webhooks);
    const tooMany = (seconds: number) =>
      new DomainError(
        "RATE_LIMITED",
        `Too many refused webhook deliveries; try again in ${seconds} seconds. Check the webhook secret and the clock of the sender.`,
      );

    app.get(
      `${WEBHOOK_PATH_PREFIX}/:connectorId`,
      {
        schema: {
          tags: ["webhooks"],
          summary: "GoTo's callback check: answers 200 so GoTo accepts the callback URL",
          params,
          response: { 200: webhookCallbackCheck },
        },
      },
      async () => ({ ok: true as const }),
    );

    app.post(
      `${WEBHOOK_PATH_PREFIX}/:connectorId`,
      {
        bodyLimit: WEBHOOK_BODY_LIMIT,
        // GoTo is another site by definition; the signature is the proof.
        config: { csrf: false },
        schema: {
          tags: ["webhooks"],
          summary:
            "Receive one signed GoTo Webinar event (registrant.added, registrant.joined, webinar.created, webinar.changed, survey.submitted)",
          description:
            "Verifies the signature (WEBHOOK_SIGNATURE_SCHEME, within WEBHOOK_TOLERANCE_SECONDS) and stores the event once per event key, to be applied by the worker. A repeated event key answers 200 with status duplicate and is not applied again. Refused deliveries are recorded with their reason. While the event cannot be stored (the database unavailable or too slow, too many deliveries waiting) the answer is 503 with Retry-After: send it again.",
          params,
          headers: webhookHeaders,
          body: webhookEventBody,
          response: {
            200: webhookReceived,
            400: errorBody,
            401: errorBody,
            404: errorBody,
            413: errorBody,
            429: errorBody,
            503: errorBody,
          },
        },
      },
      async (request, reply) => {
        const blocked = await guard.blockedFor(request.ip);
        if (blocked !== null) {
          reply.header("retry-after", String(blocked));
          throw tooMany(blocked);
        }
        let verdict: RejectionVerdict | undefined;
        let result: Awaited<ReturnType<typeof receiveWebhookEvent>>;
        try {
          result = await receiveWebhookEvent({
            db: deps.db,
            secretBox,
            connectorId: request.params.connectorId,
            rawBody: request.body,
            store,
            headers: request.headers,
            signature: {
              scheme: deps.config.webhooks.signatureScheme,
              toleranceSeconds: deps.config.webhooks.toleranceSeconds,
            },
            admitRejection: async (connectorId) => {
              verdict = await guard.rejected(request.ip, connectorId);
              if (!verdict.store)
                request.log.warn({ connectorId }, "refused webhook delivery counted, not stored (hourly cap)");
              return verdict.store;
            },
          });
        } catch (error) {
          // An unknown connector id is refused before any record: it counts against the address only.
          if (error instanceof DomainError && error.code === "NOT_FOUND")
            verdict ??= await guard.rejected(request.ip, null);
          if (verdict?.retryAfterSeconds) {
            reply.header("retry-after", String(verdict.retryAfterSeconds));
            throw tooMany(verdict.retryAfterSeconds);
          }
          throw error;
        }
        if (result.outcome !== "accepted")
          request.log.info(
            { connectorId: request.params.connectorId, eventId: result.eventId, outcome: result.outcome },
            "webhook delivery not applied",
          );
        return { status: result.outcome, eventId: result.eventId };
      },
    );
  };
