import {
  addProspectsToList,
  createList,
  deleteList,
  getList,
  listListMembers,
  listLists,
  removeProspectFromList,
  renameList,
} from "@gw/domain/lists";
import { MAX_NAME_LENGTH } from "@gw/domain/names";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { errorBody } from "./auth-schemas";
import { errors, idParams, pageOf, pageQuery, prospectSummary, searchQuery } from "./prospects";

export const nameBody = z.object({ name: z.string().trim().min(1, "name must not be blank").max(MAX_NAME_LENGTH) });
export const prospectIdsBody = z.object({ prospectIds: z.array(z.uuid()).min(1).max(1000) });
export const memberParams = z.object({ id: z.uuid(), prospectId: z.uuid() });
export const member = prospectSummary.extend({ addedAt: z.date() });

const list = z
  .object({ id: z.uuid(), name: z.string(), memberCount: z.number().int(), createdAt: z.date() })
  .meta({ id: "List" });

/** Static lists of prospects: view, create, rename, delete, and their members. */
export const listRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const { db } = deps;
    const tags = ["lists"];

    app.get(
      "/api/lists",
      {
        schema: {
          tags,
          summary: "The account's lists by name, with member counts",
          querystring: z.object({ q: searchQuery, ...pageQuery }),
          response: { 200: pageOf(list), ...errors },
        },
      },
      async (request) => listLists({ db, accountId: authOf(request).accountId, ...request.query }),
    );

    app.post(
      "/api/lists",
      {
        schema: {
          tags,
          summary: "Create a list (names are unique per account, ignoring case)",
          body: nameBody,
          response: { 201: list, ...errors, 409: errorBody },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createList({ db, accountId: authOf(request).accountId, name: request.body.name })),
    );

    app.get(
      "/api/lists/:id",
      {
        schema: { tags, summary: "A list with its member count", params: idParams, response: { 200: list, ...errors } },
      },
      async (request) => getList({ db, accountId: authOf(request).accountId, listId: request.params.id }),
    );

    app.patch(
      "/api/lists/:id",
      {
        schema: {
          tags,
          summary: "Rename a list",
          params: idParams,
          body: nameBody,
          response: { 200: list, ...errors, 409: errorBody },
        },
      },
      async (request) =>
        renameList({ db, accountId: authOf(request).accountId, listId: request.params.id, name: request.body.name }),
    );

    app.delete(
      "/api/lists/:id",
      {
        schema: {
          tags,
          summary: "Delete a list (its prospects stay)",
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteList({ db, accountId: authOf(request).accountId, listId: request.params.id });
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/lists/:id/members",
      {
        schema: {
          tags,
          summary: "A list's members, most recently added first",
          params: idParams,
          querystring: z.object({ q: searchQuery, ...pageQuery }),
          response: { 200: pageOf(member), ...errors },
        },
      },
      async (request) =>
        listListMembers({ db, accountId: authOf(request).accountId, listId: request.params.id, ...request.query }),
    );

    app.post(
      "/api/lists/:id/members",
      {
        schema: {
          tags,
          summary: "Add prospects to a list (idempotent; a merged-away prospect adds its master)",
          params: idParams,
          body: prospectIdsBody,
          response: { 200: z.object({ affected: z.number().int().describe("members newly added") }), ...errors },
        },
      },
      async (request) =>
        addProspectsToList({
          db,
          accountId: authOf(request).accountId,
          listId: request.params.id,
          prospectIds: request.body.prospectIds,
        }),
    );

    app.delete(
      "/api/lists/:id/members/:prospectId",
      {
        schema: {
          tags,
          summary: "Remove a prospect from a list (idempotent)",
          params: memberParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { id, prospectId } = request.params;
        await removeProspectFromList({ db, accountId: authOf(request).accountId, listId: id, prospectId });
        return reply.status(204).send(null);
      },
    );
  };
