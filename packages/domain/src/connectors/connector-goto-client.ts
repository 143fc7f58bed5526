import type { Db, PgQueryDb } from "@gw/db";
import {
  createGotoClient,
  type GotoClient,
  type GotoLogger,
  type RequestEvent,
  type RequestPriority,
} from "@gw/gotowebinar";
import { recordGotoRequest } from "@gw/metrics";
import { DomainError, notFound } from "../errors/index";
import type { SecretBox } from "../security/index";
import type { ConnectorConfig } from "./connector-config";
import { createReachabilityTracker } from "./connector-reachability";
import { createConnectorTokenSource } from "./connector-token-source";
import { createConnectorOAuth } from "./create-connector-oauth";
import { processUsageLedger, type UsageLedger, usagePurposeOf } from "./goto-usage";
import { type LimiterRegistry, processLimiterRegistry } from "./limiter-registry";

export interface CreateConnectorGotoClientOptions {
  db: Pick<Db, "connector"> & PgQueryDb;
  config: ConnectorConfig;
  secretBox: SecretBox;
  connectorId: string;
  /**
   * Default: the GoTo budget of the connector's OAuth client, shared with every process on the
   * same Redis (config.redis), else by this process.
   */
  limiterRegistry?: LimiterRegistry;
  /**
   * Default "urgent" (a person waits: form registrations, an admin's action). Polls pass
   * "normal", backfills and discovery "background".
   */
  priority?: RequestPriority;
  /** Where requests are counted for the API budget view. Default: the process's, on config.redis. */
  usageLedger?: UsageLedger;
  log?: GotoLogger;
  onRequest?: (event: RequestEvent) => void;
  /**
   * Default true: refuse connectors that are not VERIFIED. Deleting a connector passes false to
   * clean up its GoTo webhooks with whatever tokens it still has.
   */
  requireVerified?: boolean;
  now?: () => Date;
}

/**
 * A GoTo client for one connector. Its tokens come from the Connector row (encrypted), renewed
 * by the connector token source (ahead of expiry, and when GoTo refuses them). A revoked refresh
 * puts the connector in ERROR and the call throws `DomainError("UNAUTHORIZED")` (not retryable);
 * a transient failure throws a retryable `DomainError("UPSTREAM")`. Other failures are the client's typed `GotoApiError`s.
 * Every attempt's outcome feeds the connector's outage tracking (connector.failed goto_unreachable,
 * connector.recovered).
 */
export async function createConnectorGotoClient(options: CreateConnectorGotoClientOptions): Promise<GotoClient> {
  const { db, config, secretBox, connectorId } = options;
  const row = await db.connector.findUnique({
    where: { id: connectorId },
    select: {
      name: true,
      status: true,
      lastError: true,
      organizerKey: true,
      gotoAccountKey: true,
      accessTokenEnc: true,
      accessTokenExpiresAt: true,
      oauthClientId: true,
      oauthClientSecretEnc: true,
      unreachableSince: true,
    },
  });
  if (!row) throw notFound("Connector", connectorId);
  if ((options.requireVerified ?? true) && row.status !== "VERIFIED") {
    const why = row.status === "ERROR" && row.lastError ? `: ${row.lastError}` : "";
    throw new DomainError(
      "PRECONDITION",
      `Connector "${row.name}" is ${row.status}${why}; only a verified connector can reach GoTo Webinar.`,
    );
  }
  if (!row.accessTokenEnc || !row.organizerKey) {
    throw new DomainError(
      "PRECONDITION",
      `Connector "${row.name}" has never been verified; verify it to connect GoTo Webinar.`,
    );
  }

  const tokens = createConnectorTokenSource({
    db,
    databaseUrl: config.databaseUrl,
    secretBox,
    connectorId,
    initial: { accessTokenEnc: row.accessTokenEnc, accessTokenExpiresAt: row.accessTokenExpiresAt },
    oauth: (connector) => createConnectorOAuth({ config, secretBox, connector }),
    ...(options.log ? { log: options.log } : {}),
    ...(options.now ? { now: options.now } : {}),
  });

  const usage = options.usageLedger ?? processUsageLedger(config.redis);
  const reachability = createReachabilityTracker({
    db,
    connectorId,
    unreachableSince: row.unreachableSince,
    ...(config.goto.unreachableAfterMs !== undefined ? { unreachableAfterMs: config.goto.unreachableAfterMs } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const client = createGotoClient({
    apiBaseUrl: config.goto.apiUrl,
    identityBaseUrl: config.goto.identityUrl,
    organizerKey: row.organizerKey,
    ...(row.gotoAccountKey ? { accountKey: row.gotoAccountKey } : {}),
    tokens,
    limiter: (options.limiterRegistry ?? connectorLimiterRegistry(config)).get(
      budgetKeyOf(config, row.oauthClientId && row.oauthClientSecretEnc ? row.oauthClientId : null),
      options.priority ?? "urgent",
    ),
    ...(options.log ? { log: options.log } : {}),
    onRequest: (event) => {
      recordGotoRequest(event);
      usage.record(connectorId, usagePurposeOf(event.method, event.path), event.status);
      reachability.record(event);
      options.onRequest?.(event);
    },
  });
  return surfaceDomainErrors(client);
}

/** The process's registry for these settings: shared through Redis when the config has one. */
export function connectorLimiterRegistry(config: ConnectorConfig): LimiterRegistry {
  return processLimiterRegistry({
    perSecond: config.goto.requestsPerSecond,
    ...(config.goto.rateSafetyMargin !== undefined ? { safetyMargin: config.goto.rateSafetyMargin } : {}),
    ...(config.redis ? { redis: { url: config.redis.url, prefix: config.redis.prefix } } : {}),
  });
}

/** GoTo counts requests per OAuth client: a connector's own client, else the service's. */
export function budgetKeyOf(config: ConnectorConfig, ownClientId: string | null): string {
  return `client:${ownClientId ?? config.goto.clientId ?? "default"}`;
}

/**
 * The client wraps a failing TokenSource in its own GotoUnauthorizedError; callers should see our
 * DomainError (UNAUTHORIZED: connector in ERROR, UPSTREAM: retry) so the worker fails or retries
 * the job correctly.
 */
function surfaceDomainErrors(client: GotoClient): GotoClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => Promise.reject(domainCause(error) ?? error))
          : result;
      };
    },
  });
}

function domainCause(error: unknown): DomainError | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof DomainError) return current;
    current = current.cause;
  }
  return undefined;
}
