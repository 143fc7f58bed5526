import {
  apiBudgetList,
  connectorList,
  connectorParams,
  connectorView,
  createConnectorBody,
  errorBody,
  errors,
  noContent,
  updateConnectorBody,
  verificationStarted,
} from "@gw/api-contract";
import {
  createConnector,
  createConnectorGotoClient,
  deleteConnector,
  getConnector,
  listApiBudgets,
  listConnectors,
  processUsageLedger,
  setConnectorEnabled,
  startConnectorVerification,
  updateConnector,
} from "@gw/domain/connectors";
import { refreshConnectorWebhooks } from "@gw/domain/webhook-subscriptions";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { accountRoute } from "./account-route";

const tags = ["connectors"];
const security = [{ session: [] }];

/** The connector registry: list, create, settings, disable / enable, delete, verify. */
export const connectorRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, secretBox, config } = deps;

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/connectors",
        preHandler: app.requireAuth,
        tags,
        security,
        summary: "The account's connectors with status, organizer, last sync and last error",
        reply: connectorList,
        errors: { 401: errorBody },
      },
      async ({ accountId }) => ({ items: await listConnectors({ db, accountId }) }),
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/connectors",
        preHandler: app.requireAdmin,
        tags,
        security,
        summary: "Add a GoTo Webinar connector (UNVERIFIED until verified)",
        body: createConnectorBody,
        reply: connectorView,
        status: 201,
        errors: { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody },
      },
      async ({ accountId, body, request }) => {
        const connector = await createConnector({ db, secretBox, accountId, input: body });
        request.log.info({ connectorId: connector.id }, "connector created");
        return connector;
      },
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/connectors/api-budget",
        preHandler: app.requireAuth,
        tags,
        security,
        summary:
          "Each connector's GoTo requests in the last hour and day against GoTo's limit, with 429s and what used them",
        description:
          "Counted per minute across every API and worker process (kept 25 hours in Redis). Connectors without an OAuth client of their own share the service's client, and GoTo's limit is per client.",
        reply: apiBudgetList,
        errors: { 401: errorBody },
      },
      async ({ accountId }) => ({
        items: await listApiBudgets({
          db,
          accountId,
          ledger: processUsageLedger(config.redis),
          requestsPerSecond: config.goto.requestsPerSecond,
        }),
      }),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/connectors/:id",
        preHandler: app.requireAuth,
        tags,
        security,
        summary: "One connector",
        params: connectorParams,
        reply: connectorView,
        errors: { 401: errorBody, 404: errorBody },
      },
      ({ accountId, params }) => getConnector({ db, accountId, connectorId: params.id }),
    );

    accountRoute(
      app,
      {
        method: "PATCH",
        url: "/api/connectors/:id",
        preHandler: app.requireAdmin,
        tags,
        security,
        summary: "Change a connector's settings",
        params: connectorParams,
        body: updateConnectorBody,
        reply: connectorView,
        errors: { ...errors, 409: errorBody },
      },
      ({ accountId, params, body }) =>
        updateConnector({ db, secretBox, accountId, connectorId: params.id, input: body }),
    );

    for (const [action, enabled] of [
      ["disable", false],
      ["enable", true],
    ] as const) {
      accountRoute(
        app,
        {
          method: "POST",
          url: `/api/connectors/:id/${action}`,
          preHandler: app.requireAdmin,
          tags,
          security,
          summary: enabled ? "Resume a disabled connector's sync" : "Pause a connector's sync (keeps its tokens)",
          params: connectorParams,
          reply: connectorView,
          errors: { 401: errorBody, 403: errorBody, 404: errorBody },
        },
        async ({ accountId, params, request }) => {
          const view = await setConnectorEnabled({ db, accountId, connectorId: params.id, enabled });
          // Disabling unsubscribes GoTo webhooks, enabling subscribes again (never throws; polling remains).
          await refreshConnectorWebhooks({
            db,
            config,
            secretBox,
            connectorId: view.id,
            log: request.log,
            gotoClientFor: (id) =>
              createConnectorGotoClient({
                db,
                config,
                secretBox,
                connectorId: id,
                requireVerified: false,
                log: request.log,
              }),
          });
          return view;
        },
      );
    }

    accountRoute(
      app,
      {
        method: "DELETE",
        url: "/api/connectors/:id",
        preHandler: app.requireAdmin,
        tags,
        security,
        summary: "Delete a connector and its GoTo webhooks; its webinars, prospects and activities stay",
        params: connectorParams,
        reply: noContent,
        status: 204,
        errors: { 401: errorBody, 403: errorBody, 404: errorBody },
      },
      async ({ accountId, params, request }) => {
        const log = request.log;
        const result = await deleteConnector({
          db,
          config,
          accountId,
          connectorId: params.id,
          gotoClientFor: (connectorId) =>
            createConnectorGotoClient({ db, config, secretBox, connectorId, requireVerified: false, log }),
          log,
        });
        log.info({ connectorId: params.id, webhooksRemoved: result.webhooksRemoved }, "connector deleted");
        return null;
      },
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/connectors/:id/verify",
        preHandler: app.requireAdmin,
        tags,
        security,
        summary:
          "Start verification: the browser goes to authorizationUrl (GoTo's consent page) and comes back to /oauth/callback",
        params: connectorParams,
        reply: verificationStarted,
        errors: { 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody },
      },
      ({ accountId, params, request }) =>
        startConnectorVerification({
          db,
          config,
          secretBox,
          accountId,
          connectorId: params.id,
          sessionId: authOf(request).sessionId,
        }),
    );
  };
