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
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** Lists of prospects, static or dynamic: view, create, rename, delete, members and history. */
export const listRoutes = ({ db }: ApiDeps) =>
  accountPlugin({ tags: ["lists"], errors }, (route) => {
    const conflict = { ...errors, 409: errorBody };

    route.get(
      "/api/lists",
      {
        summary: "The account's lists by name, with member counts",
        querystring: collectionQuery,
        reply: listPage,
      },
      async ({ accountId, query }) => listLists({ db, accountId, ...query }),
    );

    route.post(
      "/api/lists",
      {
        summary: "Create a list (names are unique per account, ignoring case); with criteria it is dynamic",
        description:
          "A dynamic list's members are evaluated before this answers, then kept current as prospects change.",
        body: createListBody,
        reply: list,
        status: 201,
        errors: conflict,
      },
      async ({ accountId, body }) => createList({ db, accountId, ...body }),
    );

    route.get(
      "/api/lists/:id",
      {
        summary: "A list with its member count",
        params: idParams,
        reply: list,
      },
      async ({ accountId, params }) => getList({ db, accountId, listId: params.id }),
    );

    route.patch(
      "/api/lists/:id",
      {
        summary: "Rename a list, or change a dynamic list's criteria (its members are then re-evaluated)",
        params: idParams,
        body: updateListBody,
        reply: list,
        errors: conflict,
      },
      async ({ accountId, params, body }) => {
        const target = { accountId, listId: params.id };
        // Criteria first: a refused change (a 400) must not leave a half-applied rename.
        if (body.criteria !== undefined) await setListCriteria({ db, ...target, criteria: body.criteria });
        if (body.name !== undefined) await renameList({ db, ...target, name: body.name });
        return getList({ db, ...target });
      },
    );

    route.post(
      "/api/lists/:id/evaluate",
      {
        summary: "Re-evaluate a dynamic list against every prospect now",
        params: idParams,
        reply: listEvaluation,
      },
      async ({ accountId, params }) => evaluateDynamicList({ db, accountId, listId: params.id }),
    );

    route.post(
      "/api/lists/:id/snapshot",
      {
        summary: "Make a static list of a list's members as they are now",
        params: idParams,
        body: nameBody,
        reply: list,
        status: 201,
        errors: conflict,
      },
      async ({ accountId, params, body }) => snapshotList({ db, accountId, listId: params.id, ...body }),
    );

    route.get(
      "/api/lists/:id/history",
      {
        summary: "A list's member count over time (the last count of each hour), oldest first",
        params: idParams,
        querystring: listHistoryQuery,
        reply: listHistory,
      },
      async ({ accountId, params, query }) => listCountHistory({ db, accountId, listId: params.id, ...query }),
    );

    route.get(
      "/api/lists/:id/changes",
      {
        summary: "Who joined and left a dynamic list, and when: newest first",
        params: idParams,
        querystring: listChangesQuery,
        reply: listChangePage,
      },
      async ({ accountId, params, query }) => listMembershipChanges({ db, accountId, listId: params.id, ...query }),
    );

    route.noContent(
      "DELETE",
      "/api/lists/:id",
      {
        summary: "Delete a list (its prospects stay)",
        params: idParams,
      },
      async ({ accountId, params }) => deleteList({ db, accountId, listId: params.id }),
    );

    route.get(
      "/api/lists/:id/members",
      {
        summary: "A list's members, most recently added first",
        params: idParams,
        querystring: collectionQuery,
        reply: memberPage,
      },
      async ({ accountId, params, query }) => listListMembers({ db, accountId, listId: params.id, ...query }),
    );

    route.post(
      "/api/lists/:id/members",
      {
        summary: "Add prospects to a static list (idempotent; a merged-away prospect adds its master)",
        params: idParams,
        body: prospectIdsBody,
        reply: listMembersAdded,
        errors: conflict,
      },
      async ({ accountId, params, body }) =>
        addProspectsToList({ db, accountId, listId: params.id, prospectIds: body.prospectIds }),
    );

    route.noContent(
      "DELETE",
      "/api/lists/:id/members/:prospectId",
      {
        summary: "Remove a prospect from a static list (idempotent)",
        params: memberParams,
        errors: conflict,
      },
      async ({ accountId, params }) =>
        removeProspectFromList({ db, accountId, listId: params.id, prospectId: params.prospectId }),
    );
  });
