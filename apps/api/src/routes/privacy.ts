import { errorBody, errors, idParams } from "@gw/api-contract";
import { createConnectorGotoClient } from "@gw/domain/connectors";
import { eraseProspect, exportProspect } from "@gw/domain/privacy";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** GDPR: erase a prospect (here and in GoTo) and export everything held on one. */
export const privacyRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["privacy"], errors }, (route, app) => {
    route.post(
      "/api/prospects/:id/erase",
      {
        preHandler: app.requireAdmin,
        summary:
          "Erase a prospect: personal data removed, upcoming GoTo registrations deleted, a prospect.erased event sent; a later poll does not bring them back",
        params: idParams,
        reply: z.object({ erasedAt: z.date(), registrantsDeleted: z.number().int() }),
        errors: { ...errors, 502: errorBody },
      },
      async ({ accountId, params, request }) =>
        eraseProspect({
          db: deps.db,
          accountId,
          prospectId: params.id,
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

    route.get(
      "/api/prospects/:id/export",
      {
        summary: "Everything held on one prospect, as JSON (for access requests)",
        params: idParams,
        reply: z.record(z.string(), z.unknown()),
      },
      async ({ accountId, params, reply }) => {
        const data = await exportProspect({ db: deps.db, accountId, prospectId: params.id });
        reply.header("content-disposition", `attachment; filename="prospect-${params.id}.json"`);
        return data;
      },
    );
  });
