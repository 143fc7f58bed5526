import { listRegistrationRequests, type RegistrationRequestView, retryRegistrationRequest } from "@gw/domain/forms";
import { enqueue, pushRegistrationJob } from "@gw/queues";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { errorBody } from "./auth-schemas";

const requestView = z
  .object({
    id: z.uuid(),
    status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
    reason: z
      .string()
      .nullable()
      .describe(
        "Why it failed (GoTo's message, a closed webinar, 24 hours unreachable), or the last transient error while pending",
      ),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    giveUpAt: z.string(),
    registrantKey: z.string().nullable(),
    joinUrl: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    prospect: z.object({
      id: z.uuid(),
      email: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
    }),
    webinar: z.object({ id: z.uuid(), subject: z.string(), startsAt: z.string() }),
    formId: z.uuid().nullable(),
  })
  .meta({ id: "RegistrationRequest" });

const present = (r: RegistrationRequestView) => ({
  ...r,
  nextAttemptAt: r.nextAttemptAt.toISOString(),
  giveUpAt: r.giveUpAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
  completedAt: r.completedAt?.toISOString() ?? null,
  webinar: { ...r.webinar, startsAt: r.webinar.startsAt.toISOString() },
});

/** Form registrations on their way to GoTo: the failed ones for admins to retry, or one prospect's. */
export const registrationRequestRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, queues, config } = deps;

    app.get(
      "/api/registration-requests",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["registrations"],
          summary: "Registration requests of the account, newest first (status=FAILED: the failed registrations)",
          querystring: z.object({
            status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]).optional(),
            prospectId: z.uuid().optional(),
            webinarId: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: {
            200: z.object({ requests: z.array(requestView), total: z.number().int() }),
            400: errorBody,
            401: errorBody,
          },
        },
      },
      async (request) => {
        const { requests, total } = await listRegistrationRequests({
          db,
          accountId: authOf(request).accountId,
          ...request.query,
        });
        return { requests: requests.map(present), total };
      },
    );

    app.post(
      "/api/registration-requests/:requestId/retry",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags: ["registrations"],
          summary:
            "Retry a failed registration: back to PENDING with a fresh retry window, pushed to GoTo at once (admins)",
          params: z.object({ requestId: z.uuid() }),
          response: {
            202: requestView,
            400: errorBody,
            401: errorBody,
            403: errorBody,
            404: errorBody,
            409: errorBody,
          },
        },
      },
      async (request, reply) => {
        const { accountId } = authOf(request);
        const retried = await retryRegistrationRequest({
          db,
          accountId,
          requestId: request.params.requestId,
          giveUpAfterMs: config.registrations.giveUpAfterMs,
        });
        try {
          await enqueue(queues, pushRegistrationJob, retried, { requestId: request.id });
        } catch (error) {
          request.log.warn(
            { err: error, requestId: retried.requestId },
            "could not enqueue the retried registration; the sweeper will pick it up",
          );
        }
        request.log.info({ registrationRequestId: retried.requestId }, "registration retried");
        const { requests } = await listRegistrationRequests({ db, accountId, requestId: retried.requestId });
        return reply.status(202).send(present(requests[0]!));
      },
    );
  };
