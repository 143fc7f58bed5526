import { errors, idParams, prospectsCsvQuery, segmentExportBody } from "@gw/api-contract";
import { exportCriteriaMatches, exportListMembers, exportProspectSearch, exportTagMembers } from "@gw/domain/exports";
import { checkProspectFilters } from "@gw/domain/prospects";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { sendCsv } from "./csv-reply";

const csvDoc = {
  produces: ["text/csv"],
  response: { 200: z.string().describe("CSV"), ...errors },
};
const description =
  "Streams text/csv with a header row, every row however many; cells starting with = + - @ are prefixed with ' against CSV injection.";

/** CSV exports of any list, any tag's prospects, a prospect search and a segment's matches. */
export const exportRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const { db } = deps;

    app.get(
      "/api/lists/:id/members.csv",
      {
        schema: {
          tags: ["lists"],
          summary: "Export a list's members (static or dynamic) as CSV",
          description,
          params: idParams,
          ...csvDoc,
        },
      },
      async (request, reply) =>
        sendCsv(
          reply,
          await exportListMembers({ db, accountId: authOf(request).accountId, listId: request.params.id }),
        ),
    );

    app.get(
      "/api/tags/:id/prospects.csv",
      {
        schema: {
          tags: ["tags"],
          summary: "Export a tag's prospects as CSV",
          description,
          params: idParams,
          ...csvDoc,
        },
      },
      async (request, reply) =>
        sendCsv(reply, await exportTagMembers({ db, accountId: authOf(request).accountId, tagId: request.params.id })),
    );

    app.get(
      "/api/prospects.csv",
      {
        schema: {
          tags: ["prospects"],
          summary: "Export a prospect search as CSV, with the prospects page's filters (all prospects without any)",
          description,
          querystring: prospectsCsvQuery,
          ...csvDoc,
        },
      },
      async (request, reply) => {
        const { accountId } = authOf(request);
        const { q, ...filters } = request.query;
        await checkProspectFilters({ db, accountId, filters });
        return sendCsv(reply, await exportProspectSearch({ db, accountId, q, filters }));
      },
    );

    app.post(
      "/api/segments/export.csv",
      {
        schema: {
          tags: ["segments"],
          summary: "Export whoever matches criteria now as CSV",
          description,
          body: segmentExportBody,
          ...csvDoc,
        },
      },
      async (request, reply) =>
        sendCsv(
          reply,
          await exportCriteriaMatches({ db, accountId: authOf(request).accountId, criteria: request.body.criteria }),
        ),
    );
  };
