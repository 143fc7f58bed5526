import { errorBody, opsInfo, opsQueues } from "@gw/api-contract";
import { QUEUE_NAMES } from "@gw/queues";
import type { ApiDeps } from "../deps";
import { QUEUE_DASHBOARD_PATH } from "../plugins/queue-dashboard";
import { accountPlugin } from "./account-routes";

const QUEUE_TIMEOUT_MS = 3_000;

/** GoTo calls webhooks over the internet: a loopback or private PUBLIC_URL cannot receive them. */
export function webhookReachability(
  publicUrl: string,
  allowLoopback: boolean,
): { reachable: boolean; reason: string | null } {
  if (allowLoopback) return { reachable: true, reason: null };
  const host = new URL(publicUrl).hostname.replace(/^\[|\]$/g, "");
  const local =
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.endsWith(".local") ||
    host === "::1" ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    host === "0.0.0.0";
  if (!local) return { reachable: true, reason: null };
  return {
    reachable: false,
    reason: `PUBLIC_URL (${publicUrl}) is not reachable from the internet, so GoTo Webinar cannot deliver webhooks here; changes arrive by polling instead (every 10 minutes to 2 hours, depending on how soon each webinar starts).`,
  };
}

/** What operators and the Sync activity page need: queue health and how the service is reached. */
export const opsRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["ops"], errors: { 401: errorBody }, check: "route" }, (route, app) => {
    // Answers 503 with its own message when Redis is silent: a reply the spec's one status cannot give.
    app.get(
      "/api/ops/queues",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["ops"],
          summary: "Job counts per queue (waiting, active, delayed, failed) and the queue dashboard's path",
          security: [{ session: [] }],
          response: { 200: opsQueues, 401: errorBody, 503: errorBody },
        },
      },
      async (request, reply) => {
        try {
          const queues = await Promise.race([
            Promise.all(
              Object.values(QUEUE_NAMES).map(async (name) => {
                const queue = deps.queues[name];
                const [counts, paused] = await Promise.all([
                  queue.getJobCounts("waiting", "active", "delayed", "failed", "completed", "paused"),
                  queue.isPaused(),
                ]);
                return {
                  name,
                  waiting: (counts.waiting ?? 0) + (counts.paused ?? 0),
                  active: counts.active ?? 0,
                  delayed: counts.delayed ?? 0,
                  failed: counts.failed ?? 0,
                  completed: counts.completed ?? 0,
                  paused,
                };
              }),
            ),
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error(`no answer within ${QUEUE_TIMEOUT_MS} ms`)), QUEUE_TIMEOUT_MS).unref(),
            ),
          ]);
          return { queues, dashboardPath: QUEUE_DASHBOARD_PATH };
        } catch (error) {
          request.log.warn({ err: error }, "queue health unavailable");
          return reply.status(503).send({
            statusCode: 503,
            error: "Service Unavailable",
            message:
              "Redis is not answering, so queue health is unknown. Scheduled work is kept in Postgres and resumes when Redis is back.",
            reqId: request.id,
          });
        }
      },
    );

    route.get(
      "/api/ops/info",
      {
        summary: "The service's public URL and whether GoTo Webinar can reach its webhook receiver",
        reply: opsInfo,
      },
      async () => ({
        publicUrl: deps.config.http.publicUrl,
        webhooks: webhookReachability(deps.config.http.publicUrl, deps.config.webhooks.allowLoopback),
      }),
    );
  });
