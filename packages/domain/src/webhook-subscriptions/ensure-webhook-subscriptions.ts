import type { Connector, Db } from "@gw/db";
import type { GotoClient, GotoUserSubscription, GotoWebhook } from "@gw/gotowebinar";
import type { SecretBox } from "../security/index";
import {
  WEBHOOK_EVENT_NAMES,
  type WebhookEventName,
  type WebhookSettings,
  webhookAvailability,
  webhookCallbackUrl,
} from "./webhook-callback";
import { describeError, silentLog, type WebhookLog } from "./webhook-log";

export type EnsureWebhooksClient = Pick<
  GotoClient,
  | "createSecretKey"
  | "listWebhooks"
  | "createWebhooks"
  | "updateWebhooks"
  | "listUserSubscriptions"
  | "createUserSubscriptions"
  | "updateUserSubscriptions"
>;

export interface EnsureWebhookSubscriptionsOptions {
  db: Db;
  config: WebhookSettings;
  gotoClient: EnsureWebhooksClient;
  /** Its OAuth client (which owns the secret key) is read from the row when not given. */
  connector: Pick<Connector, "id"> & Partial<Pick<Connector, "oauthClientId">>;
  /** The process's one SecretBox (its deps), which seals the connector's webhook secret. */
  secretBox: SecretBox;
  log?: WebhookLog;
}

export interface WebhookSubscriptionView {
  eventName: string;
  webhookKey: string;
  userSubscriptionKey: string | null;
  state: string;
}

export interface EnsureWebhookSubscriptionsResult {
  enabled: boolean;
  /** Why webhooks are off (not reachable, or GoTo refused); null when on. */
  reason: string | null;
  subscriptions: WebhookSubscriptionView[];
}

/**
 * Makes GoTo deliver this connector's events: the application's secret key (kept encrypted, the
 * receiver verifies signatures with it), one webhook per event at the connector's callback URL,
 * each activated, and an ACTIVE user subscription to each. Idempotent: what GoTo already has is
 * reused, so verifying again duplicates nothing. Never throws for a GoTo failure: it records the
 * reason on the connector (polling remains the safety net) and returns it.
 */
export async function ensureWebhookSubscriptions(
  options: EnsureWebhookSubscriptionsOptions,
): Promise<EnsureWebhookSubscriptionsResult> {
  const { db, config, gotoClient, connector } = options;
  const log = options.log ?? silentLog;
  const availability = webhookAvailability(config);
  if (!availability.enabled) {
    await db.connector.update({ where: { id: connector.id }, data: { webhooksEnabled: false, webhooksError: null } });
    log.info(
      { connectorId: connector.id, reason: availability.reason },
      "webhooks skipped: PUBLIC_URL not reachable by GoTo",
    );
    return { enabled: false, reason: availability.reason, subscriptions: [] };
  }
  const callbackUrl = webhookCallbackUrl(config.http.publicUrl, connector.id);
  try {
    await ensureSecret({ db, gotoClient, connector, secretBox: options.secretBox });
    const webhooks = await ensureWebhooks(gotoClient, callbackUrl);
    const subscriptions = await ensureUserSubscriptions(gotoClient, callbackUrl, webhooks);
    const views = await recordSubscriptions(db, connector.id, webhooks, subscriptions);
    await db.connector.update({ where: { id: connector.id }, data: { webhooksEnabled: true, webhooksError: null } });
    log.info({ connectorId: connector.id, subscriptions: views.length }, "GoTo webhooks subscribed");
    return { enabled: true, reason: null, subscriptions: views };
  } catch (error) {
    const reason = `Setting up GoTo webhooks failed: ${describeError(error)}. Polling alone is used until the connector is verified again.`;
    log.warn({ connectorId: connector.id, err: error }, "GoTo webhook setup failed; polling remains");
    await db.connector.update({
      where: { id: connector.id },
      data: { webhooksEnabled: false, webhooksError: reason.slice(0, 1000) },
    });
    return { enabled: false, reason, subscriptions: [] };
  }
}

/**
 * GoTo keeps one secret key per application (OAuth client) and shows its value only once. A
 * connector already holding one keeps it; one sharing its OAuth client with another connector
 * copies theirs (a new key would replace the one the others verify with); otherwise a key is made.
 */
async function ensureSecret(options: {
  db: Db;
  gotoClient: EnsureWebhooksClient;
  connector: Pick<Connector, "id">;
  secretBox: SecretBox;
}): Promise<void> {
  const { db, gotoClient, connector, secretBox } = options;
  const current = await db.connector.findUniqueOrThrow({
    where: { id: connector.id },
    select: { webhookSecretEnc: true, oauthClientId: true },
  });
  if (current.webhookSecretEnc) return;
  const sibling = await db.connector.findFirst({
    where: { oauthClientId: current.oauthClientId, webhookSecretEnc: { not: null }, id: { not: connector.id } },
    select: { webhookSecretEnc: true },
    orderBy: { updatedAt: "desc" },
  });
  let sealed = sibling?.webhookSecretEnc ?? null;
  if (!sealed) {
    const key = await gotoClient.createSecretKey();
    if (!key.value) throw new Error("GoTo returned a secret key without a value");
    sealed = secretBox.encrypt(key.value);
  }
  await db.connector.update({ where: { id: connector.id }, data: { webhookSecretEnc: sealed } });
}

/** One webhook per event at this callback URL, created if missing, then all made ACTIVE. */
async function ensureWebhooks(
  gotoClient: EnsureWebhooksClient,
  callbackUrl: string,
): Promise<Map<WebhookEventName, GotoWebhook>> {
  const ours = (await gotoClient.listWebhooks()).filter((w) => w.callbackUrl === callbackUrl);
  const byEvent = new Map<WebhookEventName, GotoWebhook>();
  for (const eventName of WEBHOOK_EVENT_NAMES) {
    const found = ours.find((w) => w.eventName === eventName);
    if (found) byEvent.set(eventName, found);
  }
  const missing = WEBHOOK_EVENT_NAMES.filter((eventName) => !byEvent.has(eventName));
  if (missing.length > 0) {
    const created = await gotoClient.createWebhooks(
      missing.map((eventName) => ({ callbackUrl, eventName, eventVersion: "1.0.0", product: "g2w" })),
    );
    for (const webhook of created) {
      const eventName = WEBHOOK_EVENT_NAMES.find((name) => name === webhook.eventName);
      if (eventName) byEvent.set(eventName, webhook);
    }
    const stillMissing = WEBHOOK_EVENT_NAMES.filter((eventName) => !byEvent.has(eventName));
    if (stillMissing.length > 0) throw new Error(`GoTo created no webhook for ${stillMissing.join(", ")}`);
  }
  const inactive = [...byEvent.values()].filter((w) => w.state !== "ACTIVE");
  if (inactive.length > 0) {
    await gotoClient.updateWebhooks(inactive.map((w) => ({ webhookKey: w.webhookKey, state: "ACTIVE" as const })));
    for (const webhook of inactive) webhook.state = "ACTIVE";
  }
  return byEvent;
}

/** An ACTIVE subscription of the token's user to each of our webhooks. */
async function ensureUserSubscriptions(
  gotoClient: EnsureWebhooksClient,
  callbackUrl: string,
  webhooks: Map<WebhookEventName, GotoWebhook>,
): Promise<Map<string, GotoUserSubscription>> {
  const keys = new Set([...webhooks.values()].map((w) => w.webhookKey));
  const byWebhook = new Map<string, GotoUserSubscription>();
  for (const subscription of await gotoClient.listUserSubscriptions()) {
    if (keys.has(subscription.webhookKey) && !byWebhook.has(subscription.webhookKey))
      byWebhook.set(subscription.webhookKey, subscription);
  }
  const missing = [...keys].filter((key) => !byWebhook.has(key));
  if (missing.length > 0) {
    const created = await gotoClient.createUserSubscriptions(
      missing.map((webhookKey) => ({ webhookKey, callbackUrl, userSubscriptionState: "ACTIVE" as const })),
    );
    for (const subscription of created) byWebhook.set(subscription.webhookKey, subscription);
  }
  const inactive = [...byWebhook.values()].filter((s) => s.userSubscriptionState !== "ACTIVE");
  if (inactive.length > 0) {
    await gotoClient.updateUserSubscriptions(
      inactive.map((s) => ({
        userSubscriptionKey: s.userSubscriptionKey,
        webhookKey: s.webhookKey,
        userSubscriptionState: "ACTIVE" as const,
      })),
    );
    for (const subscription of inactive) {
      subscription.userSubscriptionState = "ACTIVE";
      subscription.activationState = "ACTIVE";
    }
  }
  return byWebhook;
}

async function recordSubscriptions(
  db: Db,
  connectorId: string,
  webhooks: Map<WebhookEventName, GotoWebhook>,
  subscriptions: Map<string, GotoUserSubscription>,
): Promise<WebhookSubscriptionView[]> {
  const views = [...webhooks].map(([eventName, webhook]) => {
    const subscription = subscriptions.get(webhook.webhookKey);
    return {
      eventName,
      webhookKey: webhook.webhookKey,
      userSubscriptionKey: subscription?.userSubscriptionKey ?? null,
      state: subscription ? subscription.activationState || subscription.userSubscriptionState : "NO_SUBSCRIPTION",
    };
  });
  await db.$transaction([
    db.webhookSubscription.deleteMany({ where: { connectorId, eventName: { notIn: views.map((v) => v.eventName) } } }),
    ...views.map((view) =>
      db.webhookSubscription.upsert({
        where: { connectorId_eventName: { connectorId, eventName: view.eventName } },
        create: { connectorId, ...view },
        update: { webhookKey: view.webhookKey, userSubscriptionKey: view.userSubscriptionKey, state: view.state },
      }),
    ),
  ]);
  return views;
}
