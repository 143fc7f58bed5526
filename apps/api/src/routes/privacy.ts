import { errorBody, errors, idParams } from "@gw/api-contract";
import { createConnectorGotoClient } from "@gw/domain/connectors";
import { eraseProspect, exportProspect } from "@gw/domain/privacy";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

/** GDPR: erase a prospect (here and in GoTo) and export everything held on one. */
export const privacyRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const tags = ["privacy"];

    app.post(
      "/api/prospects/:id/erase",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary:
            "Erase a prospect: personal data removed, upcoming GoTo registrations deleted, a prospect.erased event sent; a later poll does not bring them back",
          params: idParams,
          response: {
            200: z.object({ erasedAt: z.date(), registrantsDeleted: z.number().int() }),
            ...errors,
            502: errorBody,
          },
        },
      },
      async (request) =>
        eraseProspect({
          db: deps.db,
          accountId: authOf(request).accountId,
          prospectId: request.params.id,
          gotoClientFor: (connectorId) =>
            createConnectorGotoClient({
              db: deps.db,
              config: deps.config,
              secretBox: deps.secretBox,
              connectorId,
              log: request.log,
            }),
        }),
    );

    app.get(
      "/api/prospects/:id/export",
      {
        schema: {
          tags,
          summary: "Everything held on one prospect, as JSON (for access requests)",
          params: idParams,
          response: { 200: z.record(z.string(), z.unknown()), ...errors },
        },
      },
      async (request, reply) => {
        const data = await exportProspect({
          db: deps.db,
          accountId: authOf(request).accountId,
          prospectId: request.params.id,
        });
        reply.header("content-disposition", `attachment; filename="prospect-${request.params.id}.json"`);
        return data;
      },
    );
  };
