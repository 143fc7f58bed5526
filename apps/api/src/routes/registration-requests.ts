import {
  errorBody,
  errors,
  registrationRequestList,
  registrationRequestParams,
  registrationRequestsQuery,
  registrationRequestView,
} from "@gw/api-contract";
import { listRegistrationRequests, type RegistrationRequestView, retryRegistrationRequest } from "@gw/domain/forms";
import { enqueue, pushRegistrationJob } from "@gw/queues";
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

const present = (r: RegistrationRequestView) => ({
  ...r,
  nextAttemptAt: r.nextAttemptAt.toISOString(),
  giveUpAt: r.giveUpAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
  completedAt: r.completedAt?.toISOString() ?? null,
  webinar: { ...r.webinar, startsAt: r.webinar.startsAt.toISOString() },
});

/** Form registrations on their way to GoTo: the failed ones for admins to retry, or one prospect's. */
export const registrationRequestRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["registrations"], errors, check: "route" }, (route, app) => {
    const { db, queues, config } = deps;

    route.get(
      "/api/registration-requests",
      {
        summary: "Registration requests of the account, newest first (status=FAILED: the failed registrations)",
        querystring: registrationRequestsQuery,
        reply: registrationRequestList,
        errors: { 400: errorBody, 401: errorBody },
      },
      async ({ accountId, query }) => {
        const { requests, total } = await listRegistrationRequests({ db, accountId, ...query });
        return { requests: requests.map(present), total };
      },
    );

    route.post(
      "/api/registration-requests/:requestId/retry",
      {
        preHandler: app.requireAdmin,
        summary:
          "Retry a failed registration: back to PENDING with a fresh retry window, pushed to GoTo at once (admins)",
        params: registrationRequestParams,
        reply: registrationRequestView,
        status: 202,
        errors: { ...errors, 409: errorBody },
      },
      async ({ accountId, params, request }) => {
        const retried = await retryRegistrationRequest({
          db,
          accountId,
          requestId: params.requestId,
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
        return present(requests[0]!);
      },
    );
  });
