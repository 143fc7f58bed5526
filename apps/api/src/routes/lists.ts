import {
  collectionQuery,
  createListBody,
  errorBody,
  errors,
  idParams,
  list,
  listChangePage,
  listChangesQuery,
  listEvaluation,
  listHistory,
  listHistoryQuery,
  listMembersAdded,
  listPage,
  memberPage,
  memberParams,
  nameBody,
  noContent,
  prospectIdsBody,
  updateListBody,
} from "@gw/api-contract";
import {
  addProspectsToList,
  createList,
  deleteList,
  getList,
  listCountHistory,
  listListMembers,
  listLists,
  listMembershipChanges,
  removeProspectFromList,
  renameList,
  setListCriteria,
  snapshotList,
} from "@gw/domain/lists";
import { evaluateDynamicList } from "@gw/domain/segments";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

/** Lists of prospects, static or dynamic: view, create, rename, delete, members and history. */
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
          querystring: collectionQuery,
          response: { 200: listPage, ...errors },
        },
      },
      async (request) => listLists({ db, accountId: authOf(request).accountId, ...request.query }),
    );

    app.post(
      "/api/lists",
      {
        schema: {
          tags,
          summary: "Create a list (names are unique per account, ignoring case); with criteria it is dynamic",
          description:
            "A dynamic list's members are evaluated before this answers, then kept current as prospects change.",
          body: createListBody,
          response: { 201: list, ...errors, 409: errorBody },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createList({ db, accountId: authOf(request).accountId, ...request.body })),
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
          summary: "Rename a list, or change a dynamic list's criteria (its members are then re-evaluated)",
          params: idParams,
          body: updateListBody,
          response: { 200: list, ...errors, 409: errorBody },
        },
      },
      async (request) => {
        const target = { accountId: authOf(request).accountId, listId: request.params.id };
        // Criteria first: a refused change (a 400) must not leave a half-applied rename.
        if (request.body.criteria !== undefined)
          await setListCriteria({ db, ...target, criteria: request.body.criteria });
        if (request.body.name !== undefined) await renameList({ db, ...target, name: request.body.name });
        return getList({ db, ...target });
      },
    );

    app.post(
      "/api/lists/:id/evaluate",
      {
        schema: {
          tags,
          summary: "Re-evaluate a dynamic list against every prospect now",
          params: idParams,
          response: { 200: listEvaluation, ...errors },
        },
      },
      async (request) => evaluateDynamicList({ db, accountId: authOf(request).accountId, listId: request.params.id }),
    );

    app.post(
      "/api/lists/:id/snapshot",
      {
        schema: {
          tags,
          summary: "Make a static list of a list's members as they are now",
          params: idParams,
          body: nameBody,
          response: { 201: list, ...errors, 409: errorBody },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await snapshotList({
            db,
            accountId: authOf(request).accountId,
            listId: request.params.id,
            ...request.body,
          }),
        ),
    );

    app.get(
      "/api/lists/:id/history",
      {
        schema: {
          tags,
          summary: "A list's member count over time (the last count of each hour), oldest first",
          params: idParams,
          querystring: listHistoryQuery,
          response: { 200: listHistory, ...errors },
        },
      },
      async (request) =>
        listCountHistory({ db, accountId: authOf(request).accountId, listId: request.params.id, ...request.query }),
    );

    app.get(
      "/api/lists/:id/changes",
      {
        schema: {
          tags,
          summary: "Who joined and left a dynamic list, and when: newest first",
          params: idParams,
          querystring: listChangesQuery,
          response: { 200: listChangePage, ...errors },
        },
      },
      async (request) =>
        listMembershipChanges({
          db,
          accountId: authOf(request).accountId,
          listId: request.params.id,
          ...request.query,
        }),
    );

    app.delete(
      "/api/lists/:id",
      {
        schema: {
          tags,
          summary: "Delete a list (its prospects stay)",
          params: idParams,
          response: { 204: noContent, ...errors },
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
          querystring: collectionQuery,
          response: { 200: memberPage, ...errors },
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
          summary: "Add prospects to a static list (idempotent; a merged-away prospect adds its master)",
          params: idParams,
          body: prospectIdsBody,
          response: { 200: listMembersAdded, ...errors, 409: errorBody },
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
          summary: "Remove a prospect from a static list (idempotent)",
          params: memberParams,
          response: { 204: noContent, ...errors, 409: errorBody },
        },
      },
      async (request, reply) => {
        const { id, prospectId } = request.params;
        await removeProspectFromList({ db, accountId: authOf(request).accountId, listId: id, prospectId });
        return reply.status(204).send(null);
      },
    );
  };
