import { errors, idParams, prospectsCsvQuery, segmentExportBody } from "@gw/api-contract";
import { exportCriteriaMatches, exportListMembers, exportProspectSearch, exportTagMembers } from "@gw/domain/exports";
import { checkProspectFilters } from "@gw/domain/prospects";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { csvRoute } from "./csv-reply";

const reply = z.string().describe("CSV");
const description =
  "Streams text/csv with a header row, every row however many; cells starting with = + - @ are prefixed with ' against CSV injection.";

/** CSV exports of any list, any tag's prospects, a prospect search and a segment's matches. */
export const exportRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const { db } = deps;

    csvRoute(
      app,
      {
        method: "GET",
        url: "/api/lists/:id/members.csv",
        tags: ["lists"],
        summary: "Export a list's members (static or dynamic) as CSV",
        description,
        params: idParams,
        reply,
        errors,
      },
      ({ accountId, params }) => exportListMembers({ db, accountId, listId: params.id }),
    );

    csvRoute(
      app,
      {
        method: "GET",
        url: "/api/tags/:id/prospects.csv",
        tags: ["tags"],
        summary: "Export a tag's prospects as CSV",
        description,
        params: idParams,
        reply,
        errors,
      },
      ({ accountId, params }) => exportTagMembers({ db, accountId, tagId: params.id }),
    );

    csvRoute(
      app,
      {
        method: "GET",
        url: "/api/prospects.csv",
        tags: ["prospects"],
        summary: "Export a prospect search as CSV, with the prospects page's filters (all prospects without any)",
        description,
        querystring: prospectsCsvQuery,
        reply,
        errors,
      },
      async ({ accountId, query }) => {
        const { q, ...filters } = query;
        await checkProspectFilters({ db, accountId, filters });
        return exportProspectSearch({ db, accountId, q, filters });
      },
    );

    csvRoute(
      app,
      {
        method: "POST",
        url: "/api/segments/export.csv",
        tags: ["segments"],
        summary: "Export whoever matches criteria now as CSV",
        description,
        body: segmentExportBody,
        reply,
        errors,
      },
      ({ accountId, body }) => exportCriteriaMatches({ db, accountId, criteria: body.criteria }),
    );
  };
