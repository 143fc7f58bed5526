import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import { QUEUE_NAMES } from "@gw/queues";
import type { App } from "../app";
import type { ApiDeps } from "../deps";
import { csrfTokenOf } from "./auth";
import { sendError } from "./error-body";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";
const THIRD_PARTY_FONTS = /<link[^>]+href="https:\/\/fonts\.(googleapis|gstatic)\.com[^>]*>/g;
/** bull-board's client (axios) echoes this cookie in `x-xsrf-token` on its own requests. */
export const XSRF_COOKIE = "XSRF-TOKEN";

/**
 * The BullMQ dashboard (bull-board) over every account's queues, for operators only. A browser that
 * is not logged in is sent to the UI's login page and comes back here afterwards.
 */
export async function registerQueueDashboard(app: App, deps: Pick<ApiDeps, "queues" | "config">) {
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
        return sendError(request, reply, 401, "Log in as an operator to see the queue dashboard.");
      }
      // Every account's jobs are in these queues: a tenant's admin must neither see nor steer them.
      if (!request.auth.operator || request.auth.via !== "session")
        return sendError(
          request,
          reply,
          403,
          "Only an operator of this installation may open the queue dashboard; your account's queue health is on the Sync activity page.",
        );
      // Its pause/empty/retry/add calls are CSRF-checked like every unsafe route; the token reaches
      // them through this cookie (readable by the dashboard's own script, sent to this path only).
      if (wantsPage)
        reply.setCookie(XSRF_COOKIE, csrfTokenOf(request, deps.config.secrets.sessionSecret), {
          path: QUEUE_DASHBOARD_PATH,
          sameSite: "strict",
          secure: deps.config.http.secureCookies,
          httpOnly: false,
        });
    });
    // bull-board's page links IBM Plex from Google Fonts: an operator's browser would tell a third
    // party each time it opens the dashboard (and a locked-down network waits on it). Drop the link;
    // the page falls back to the system font.
    scope.addHook("onSend", async (_request, reply, payload) => {
      if (typeof payload !== "string" || !String(reply.getHeader("content-type") ?? "").includes("text/html"))
        return payload;
      return payload.replace(THIRD_PARTY_FONTS, "");
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
