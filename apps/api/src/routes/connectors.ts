import {
  apiBudgetList,
  connectorList,
  connectorParams,
  connectorView,
  createConnectorBody,
  errorBody,
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

const tags = ["connectors"];
const security = [{ session: [] }];

/** The connector registry: list, create, settings, disable / enable, delete, verify. */
export const connectorRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, secretBox, config } = deps;

    app.get(
      "/api/connectors",
      {
        preHandler: app.requireAuth,
        schema: {
          tags,
          security,
          summary: "The account's connectors with status, organizer, last sync and last error",
          response: { 200: connectorList, 401: errorBody },
        },
      },
      async (request) => ({ items: await listConnectors({ db, accountId: authOf(request).accountId }) }),
    );

    app.post(
      "/api/connectors",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          security,
          summary: "Add a GoTo Webinar connector (UNVERIFIED until verified)",
          body: createConnectorBody,
          response: { 201: connectorView, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody },
        },
      },
      async (request, reply) => {
        const connector = await createConnector({
          db,
          secretBox,
          accountId: authOf(request).accountId,
          input: request.body,
        });
        request.log.info({ connectorId: connector.id }, "connector created");
        return reply.status(201).send(connector);
      },
    );

    app.get(
      "/api/connectors/api-budget",
      {
        preHandler: app.requireAuth,
        schema: {
          tags,
          security,
          summary:
            "Each connector's GoTo requests in the last hour and day against GoTo's limit, with 429s and what used them",
          description:
            "Counted per minute across every API and worker process (kept 25 hours in Redis). Connectors without an OAuth client of their own share the service's client, and GoTo's limit is per client.",
          response: { 200: apiBudgetList, 401: errorBody },
        },
      },
      async (request) => ({
        items: await listApiBudgets({
          db,
          accountId: authOf(request).accountId,
          ledger: processUsageLedger(config.redis),
          requestsPerSecond: config.goto.requestsPerSecond,
        }),
      }),
    );

    app.get(
      "/api/connectors/:id",
      {
        preHandler: app.requireAuth,
        schema: {
          tags,
          security,
          summary: "One connector",
          params: connectorParams,
          response: { 200: connectorView, 401: errorBody, 404: errorBody },
        },
      },
      async (request) => getConnector({ db, accountId: authOf(request).accountId, connectorId: request.params.id }),
    );

    app.patch(
      "/api/connectors/:id",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          security,
          summary: "Change a connector's settings",
          params: connectorParams,
          body: updateConnectorBody,
          response: {
            200: connectorView,
            400: errorBody,
            401: errorBody,
            403: errorBody,
            404: errorBody,
            409: errorBody,
          },
        },
      },
      async (request) =>
        updateConnector({
          db,
          secretBox,
          accountId: authOf(request).accountId,
          connectorId: request.params.id,
          input: request.body,
        }),
    );

    for (const [action, enabled] of [
      ["disable", false],
      ["enable", true],
    ] as const) {
      app.post(
        `/api/connectors/:id/${action}`,
        {
          preHandler: app.requireAdmin,
          schema: {
            tags,
            security,
            summary: enabled ? "Resume a disabled connector's sync" : "Pause a connector's sync (keeps its tokens)",
            params: connectorParams,
            response: { 200: connectorView, 401: errorBody, 403: errorBody, 404: errorBody },
          },
        },
        async (request) => {
          const view = await setConnectorEnabled({
            db,
            accountId: authOf(request).accountId,
            connectorId: request.params.id,
            enabled,
          });
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

    app.delete(
      "/api/connectors/:id",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          security,
          summary: "Delete a connector and its GoTo webhooks; its webinars, prospects and activities stay",
          params: connectorParams,
          response: { 204: noContent, 401: errorBody, 403: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        const log = request.log;
        const result = await deleteConnector({
          db,
          config,
          accountId: authOf(request).accountId,
          connectorId: request.params.id,
          gotoClientFor: (connectorId) =>
            createConnectorGotoClient({ db, config, secretBox, connectorId, requireVerified: false, log }),
          log,
        });
        log.info({ connectorId: request.params.id, webhooksRemoved: result.webhooksRemoved }, "connector deleted");
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/connectors/:id/verify",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          security,
          summary:
            "Start verification: the browser goes to authorizationUrl (GoTo's consent page) and comes back to /oauth/callback",
          params: connectorParams,
          response: {
            200: verificationStarted,
            401: errorBody,
            403: errorBody,
            404: errorBody,
            422: errorBody,
          },
        },
      },
      async (request) => {
        const auth = authOf(request);
        return startConnectorVerification({
          db,
          config,
          secretBox,
          accountId: auth.accountId,
          connectorId: request.params.id,
          sessionId: auth.sessionId,
        });
      },
    );
  };
