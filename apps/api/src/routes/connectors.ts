import {
  apiBudgetList,
  connectorList,
  connectorParams,
  connectorView,
  createConnectorBody,
  errorBody,
  errors,
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
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { accountPlugin } from "./account-routes";

const oneConnector = { 401: errorBody, 403: errorBody, 404: errorBody };

/** The connector registry: list, create, settings, disable / enable, delete, verify. */
export const connectorRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["connectors"], errors: oneConnector, check: "route" }, (route, app) => {
    const { db, secretBox, config } = deps;
    route.get(
      "/api/connectors",
      {
        summary: "The account's connectors with status, organizer, last sync and last error",
        reply: connectorList,
        errors: { 401: errorBody },
      },
      async ({ accountId }) => ({ items: await listConnectors({ db, accountId }) }),
    );

    route.post(
      "/api/connectors",
      {
        preHandler: app.requireAdmin,
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

    route.get(
      "/api/connectors/api-budget",
      {
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

    route.get(
      "/api/connectors/:id",
      {
        summary: "One connector",
        params: connectorParams,
        reply: connectorView,
        errors: { 401: errorBody, 404: errorBody },
      },
      ({ accountId, params }) => getConnector({ db, accountId, connectorId: params.id }),
    );

    route.patch(
      "/api/connectors/:id",
      {
        preHandler: app.requireAdmin,
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
      route.post(
        `/api/connectors/:id/${action}`,
        {
          preHandler: app.requireAdmin,
          summary: enabled ? "Resume a disabled connector's sync" : "Pause a connector's sync (keeps its tokens)",
          params: connectorParams,
          reply: connectorView,
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

    route.noContent(
      "DELETE",
      "/api/connectors/:id",
      {
        preHandler: app.requireAdmin,
        summary: "Delete a connector and its GoTo webhooks; its webinars, prospects and activities stay",
        params: connectorParams,
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
      },
    );

    route.post(
      "/api/connectors/:id/verify",
      {
        preHandler: app.requireAdmin,
        summary:
          "Start verification: the browser goes to authorizationUrl (GoTo's consent page) and comes back to /oauth/callback",
        params: connectorParams,
        reply: verificationStarted,
        errors: { ...oneConnector, 422: errorBody },
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
  });
