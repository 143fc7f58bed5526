import { listSyncRuns } from "@gw/domain/sync";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { errorBody } from "./auth-schemas";

const syncRun = z
  .object({
    id: z.uuid(),
    kind: z.enum(["DISCOVERY", "BACKFILL", "REGISTRANTS", "ATTENDANCE", "REGISTRATION_PUSH", "WEBHOOK"]),
    status: z.enum(["RUNNING", "SUCCEEDED", "FAILED", "ABANDONED"]),
    connectorId: z.uuid().nullable(),
    webinarId: z.uuid().nullable(),
    jobId: z.string().nullable(),
    startedAt: z.date(),
    finishedAt: z.date().nullable(),
    durationMs: z.number().int().nullable(),
    fetched: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    apiRequests: z.number().int(),
    error: z.string().nullable(),
  })
  .meta({ id: "SyncRun" });

/** What each sync job did: for operators and the connector health page. */
export const syncRunRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    app.get(
      "/api/sync-runs",
      {
        schema: {
          tags: ["sync"],
          summary: "The account's sync runs, newest first (discovery, backfill, registrant and attendance syncs)",
          querystring: z.object({
            connectorId: z.uuid().optional(),
            webinarId: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
            cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
          }),
          response: {
            200: z.object({ items: z.array(syncRun), nextCursor: z.string().nullable() }),
            400: errorBody,
            401: errorBody,
          },
        },
      },
      async (request) => listSyncRuns({ db: deps.db, accountId: authOf(request).accountId, ...request.query }),
    );
  };
