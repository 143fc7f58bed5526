import { randomUUID } from "node:crypto";
import { signWebhook } from "@gw/webhook-signature";
import type { EventSink, SimContext } from "../context";
import { stringify } from "../json/lossless";
import type { EventName, SecretKey } from "../state/types";
import { isoMillis } from "../time";

export interface DeliveryAttempt {
  at: string;
  status?: number;
  error?: string;
}

export interface Delivery {
  id: number;
  eventKey: string;
  eventName: EventName;
  organizerKey: string;
  webhookKey: string;
  userSubscriptionKey: string;
  url: string;
  body: string;
  /** Whether a secret key existed to sign with (the scheme may still be "none"). */
  signed: boolean;
  /** Second copy of the same event, when duplicate deliveries are on. */
  duplicate: boolean;
  state: "pending" | "delivered" | "failed";
  attempts: DeliveryAttempt[];
}

const MAX_DELIVERIES = 20_000;
const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Delivers events to every ACTIVE webhook + ACTIVE subscription of the event's organizer,
 * asynchronously and at least once: a non-2xx answer or a network error is retried after each
 * of the configured delays.
 */
export class WebhookDispatcher implements EventSink {
  private deliveries: Delivery[] = [];
  private nextId = 1;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private abort = new AbortController();

  constructor(private readonly ctx: () => SimContext) {}

  publish(organizerKey: string, eventName: EventName, payload: Record<string, unknown>): void {
    const ctx = this.ctx();
    const targets = [...ctx.state.subscriptions.values()].flatMap((subscription) => {
      const webhook = ctx.state.webhooks.get(subscription.webhookKey);
      const live =
        webhook &&
        subscription.organizerKey === organizerKey &&
        webhook.eventName === eventName &&
        webhook.state === "ACTIVE" &&
        subscription.state === "ACTIVE";
      return live ? [{ webhook, subscription }] : [];
    });
    if (targets.length === 0) return;
    const eventKey = randomUUID();
    const body = stringify({
      eventName,
      eventVersion: "1.0.0",
      product: "g2w",
      eventKey,
      ...payload,
      timestamp: isoMillis(ctx.clock.now()),
    });
    const copies = ctx.settings.duplicateWebhookDeliveries ? 2 : 1;
    for (const { webhook, subscription } of targets) {
      for (let copy = 0; copy < copies; copy++) {
        const delivery: Delivery = {
          id: this.nextId++,
          eventKey,
          eventName,
          organizerKey,
          webhookKey: webhook.webhookKey,
          userSubscriptionKey: subscription.userSubscriptionKey,
          url: subscription.callbackUrl ?? webhook.callbackUrl,
          body,
          signed: false,
          duplicate: copy > 0,
          state: "pending",
          attempts: [],
        };
        this.deliveries.push(delivery);
        if (this.deliveries.length > MAX_DELIVERIES) this.deliveries.splice(0, this.deliveries.length - MAX_DELIVERIES);
        this.schedule(delivery, 0, webhook.clientId);
      }
    }
  }

  list(): Delivery[] {
    return this.deliveries.map((d) => ({ ...d, attempts: [...d.attempts] }));
  }

  clear(): void {
    this.deliveries = [];
  }

  /** Resolves when nothing is in flight or waiting for a retry. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      await Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 10))]);
    }
  }

  /** Cancels retries and in-flight requests (reset and shutdown). */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
    this.abort = new AbortController();
  }

  private schedule(delivery: Delivery, attempt: number, clientId: string): void {
    const delay = attempt === 0 ? 0 : (this.ctx().settings.webhookRetryDelaysMs[attempt - 1] ?? 0);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = this.attempt(delivery, attempt, clientId);
      this.inFlight.add(run);
      void run.finally(() => this.inFlight.delete(run));
    }, delay);
    this.timers.add(timer);
  }

  private async attempt(delivery: Delivery, attempt: number, clientId: string): Promise<void> {
    const ctx = this.ctx();
    const secret = currentSecret(ctx.state.secretKeys, clientId, ctx.clock.now());
    delivery.signed = secret !== undefined;
    // The signature timestamp is wall-clock time: receivers check it against their own clock.
    const headers = secret
      ? signWebhook({ scheme: ctx.settings.signatureScheme, secret: secret.value, body: delivery.body })
      : {};
    const record: DeliveryAttempt = { at: new Date().toISOString() };
    delivery.attempts.push(record);
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "GoToWebinar-Simulator-Webhooks/1.0", ...headers },
        body: delivery.body,
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      record.status = response.status;
      await response.body?.cancel();
      if (response.ok) {
        delivery.state = "delivered";
        return;
      }
    } catch (error) {
      record.error = (error as Error).message;
      if (this.abort.signal.aborted) {
        delivery.state = "failed";
        return;
      }
    }
    if (attempt < ctx.settings.webhookRetryDelaysMs.length) this.schedule(delivery, attempt + 1, clientId);
    else delivery.state = "failed";
  }
}

/** The newest key already valid; GoTo lets a new key take over at its validFrom. */
function currentSecret(keys: SecretKey[], clientId: string, now: number): SecretKey | undefined {
  const own = keys.filter((k) => k.clientId === clientId).sort((a, b) => b.validFrom - a.validFrom || b.id - a.id);
  return own.find((k) => k.validFrom <= now) ?? own[own.length - 1];
}
