import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import { QUEUE_NAMES } from "@gw/queues";
import type { App } from "../app";
import type { ApiDeps } from "../deps";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

/**
 * The BullMQ dashboard (bull-board) for operators, over every queue, admins only. A browser that
 * is not logged in is sent to the UI's login page and comes back here afterwards.
 */
export async function registerQueueDashboard(app: App, deps: Pick<ApiDeps, "queues">) {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUE_NAMES).map((name) => new BullMQAdapter(deps.queues[name])),
    // @bull-board/fastify pins its own copy of @bull-board/api (a patch release apart): same
    // contract, separately declared types.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]["serverAdapter"],
    options: { uiConfig: { boardTitle: "Webinar Sync queues" } },
  });

  await app.register(async (scope) => {
    // Answered here rather than thrown: bull-board's own error handler would turn it into a 500.
    scope.addHook("onRequest", async (request, reply) => {
      const wantsPage = request.method === "GET" && String(request.headers.accept ?? "").includes("text/html");
      if (!request.auth) {
        if (wantsPage) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
        return reply.status(401).send({
          statusCode: 401,
          error: "Unauthorized",
          message: "Log in as an admin to see the queue dashboard.",
          reqId: request.id,
        });
      }
      if (request.auth.role !== "ADMIN") {
        return reply.status(403).send({
          statusCode: 403,
          error: "Forbidden",
          message: "Only an admin of this account may open the queue dashboard.",
          reqId: request.id,
        });
      }
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
