import {
  errorBody,
  webhookParams as params,
  webhookCallbackCheck,
  webhookEventBody,
  webhookHeaders,
  webhookReceived,
} from "@gw/api-contract";
import { DomainError } from "@gw/domain";
import { receiveWebhookEvent } from "@gw/domain/webhook-events";
import { WEBHOOK_PATH_PREFIX } from "@gw/domain/webhook-subscriptions";
import { applyWebhookEventJob, enqueue } from "@gw/queues";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { createWebhookAbuseGuard, type RejectionVerdict } from "../plugins/webhook-abuse";

/** GoTo's events are small; anything near this is not one of them. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;
/** Enqueuing takes a millisecond; past this Redis is in trouble and the sweeper takes over. */
const ENQUEUE_TIMEOUT_MS = 1_000;

/**
 * GoTo's webhook receiver: neither session-authenticated nor CSRF-checked (opted out); each
 * delivery proves itself with its signature instead. Stores, enqueues and answers: the work
 * happens in the worker, so GoTo gets its 200 in milliseconds.
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
            "Verifies the signature (WEBHOOK_SIGNATURE_SCHEME, within WEBHOOK_TOLERANCE_SECONDS), stores the event once per event key and queues it. A repeated event key answers 200 with status duplicate and is not applied again. Refused deliveries are recorded with their reason.",
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
        const log = request.log.child({
          connectorId: request.params.connectorId,
          eventId: result.eventId,
          eventName: result.eventName,
        });
        if (result.outcome === "accepted") {
          // Stored already: if Redis is down or slow the sweeper enqueues it later, and GoTo still
          // gets its 200 at once (a late add is harmless: the job id follows the event).
          const queued = enqueue(
            deps.queues,
            applyWebhookEventJob,
            { eventId: result.eventId },
            { requestId: request.id },
          );
          const outcome = await Promise.race([
            queued.then(() => "queued" as const),
            new Promise<"slow">((resolve) => setTimeout(() => resolve("slow"), ENQUEUE_TIMEOUT_MS).unref()),
          ]).catch((error: unknown) => error);
          if (outcome !== "queued") {
            queued.catch(() => undefined);
            log.warn(
              { err: outcome === "slow" ? undefined : outcome },
              "webhook event stored but not enqueued; the sweeper will pick it up",
            );
          }
        } else {
          log.info({ outcome: result.outcome }, "webhook delivery not applied");
        }
        return { status: result.outcome, eventId: result.eventId };
      },
    );
  };
