import { createHash } from "node:crypto";
import type { Db } from "@gw/db";
import { parseJsonLossless, type SignatureScheme, verifyWebhook } from "@gw/gotowebinar";
import { DomainError, invalid, notFound } from "../errors/index";
import { jsonNestingDepth, type SecretBox } from "../security/index";
import { WEBHOOK_EVENT_NAMES } from "../webhook-subscriptions/webhook-callback";
import {
  createWebhookEventStore,
  type WebhookEventConnector,
  type WebhookEventStore,
} from "./create-webhook-event-store";

export interface ReceiveWebhookEventOptions {
  db: Db;
  secretBox: SecretBox;
  connectorId: string;
  /** The body exactly as received: the signature covers these bytes. */
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
  signature: { scheme: SignatureScheme; toleranceSeconds: number };
  /** When the delivery is checked for staleness; defaults to now. */
  now?: Date;
  /**
   * Called for each refused delivery before it is recorded: false to count it without storing a
   * row (a flood of forgeries must not fill the table). Stored when absent.
   */
  admitRejection?: (connectorId: string) => Promise<boolean>;
  /**
   * Where events are stored: the API's one store groups concurrent deliveries into one INSERT and
   * reuses connector lookups for a moment. Without it, each call looks up and inserts alone.
   */
  store?: WebhookEventStore;
}

export type ReceiveWebhookEventResult =
  /** Stored as RECEIVED (and the worker's consumer notified). */
  | { outcome: "accepted"; eventId: string; eventName: string }
  /** Its event key was stored before (GoTo retried, or a replay): not applied again. */
  | { outcome: "duplicate"; eventId: string | null; eventName: string }
  /** Stored as IGNORED (an event this service does not handle): nothing to apply. */
  | { outcome: "ignored"; eventId: string; eventName: string; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREVIEW_CHARS = 2_000;
/** GoTo's events nest a few levels; far deeper is an attack on whatever parses or stores it next. */
export const MAX_WEBHOOK_JSON_DEPTH = 32;

/**
 * The receiver's rule, kept fast (no GoTo call, no queue: a reused connector lookup and a share of
 * one grouped INSERT): checks the delivery's signature and age with the connector's secret, then
 * stores the event once per event key. A forged, stale or
 * malformed delivery is recorded as REJECTED with its reason (and no event key, so a forgery cannot
 * block the real event) and refused with UNAUTHORIZED or VALIDATION.
 */
export async function receiveWebhookEvent(options: ReceiveWebhookEventOptions): Promise<ReceiveWebhookEventResult> {
  const { db, connectorId, rawBody } = options;
  if (!UUID.test(connectorId)) throw notFound("Connector", connectorId);
  const store = options.store ?? createWebhookEventStore({ db, connectorCacheMs: 0, maxInFlight: 1 });
  const found = await store.connector(connectorId);
  if (!found) throw notFound("Connector", connectorId);
  let connector: WebhookEventConnector = found;

  const reject = async (reason: string, error: DomainError): Promise<never> => {
    if (options.admitRejection && !(await options.admitRejection(connectorId))) throw error;
    await store.recordRejection({
      accountId: connector.accountId,
      connectorId,
      eventName: guessEventName(rawBody),
      // jsonb cannot hold U+0000: a forgery carrying one is still recorded (and refused as forged).
      payload: JSON.stringify({
        rawPreview: rawBody.slice(0, PREVIEW_CHARS).replaceAll("\u0000", ""),
        bytes: Buffer.byteLength(rawBody),
      }),
      reason,
    });
    throw error;
  };

  const { scheme, toleranceSeconds } = options.signature;
  const verify = (sealed: string | null) =>
    verifyWebhook({
      scheme,
      secrets: scheme === "none" || !sealed ? [] : [options.secretBox.decrypt(sealed)],
      body: rawBody,
      headers: options.headers,
      toleranceSeconds,
      ...(options.now ? { now: Math.floor(options.now.getTime() / 1000) } : {}),
    });
  let verdict = scheme === "none" || connector.webhookSecretEnc ? verify(connector.webhookSecretEnc) : null;
  if (verdict?.ok !== true) {
    // The lookup may be a moment old: the connector may have been verified again with a new secret.
    connector = (await store.connector(connectorId, true)) ?? connector;
    if (scheme !== "none" && !connector.webhookSecretEnc) {
      return reject(
        "no webhook secret is stored for this connector",
        unauthorized("This connector has no webhook secret: verify it again to subscribe to GoTo webhooks."),
      );
    }
    verdict = verify(connector.webhookSecretEnc);
  }
  if (!verdict.ok)
    return reject(REJECT_REASONS[verdict.reason], unauthorized(`Webhook refused: ${REJECT_REASONS[verdict.reason]}.`));

  if (jsonNestingDepth(rawBody, MAX_WEBHOOK_JSON_DEPTH) > MAX_WEBHOOK_JSON_DEPTH)
    return reject(
      "body is nested too deeply",
      invalid("body", `The webhook body nests arrays and objects more than ${MAX_WEBHOOK_JSON_DEPTH} levels deep.`),
    );
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(rawBody);
  } catch {
    return reject("body is not JSON", invalid("body", "The webhook body must be a JSON object (it is not JSON)."));
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return reject("body is not a JSON object", invalid("body", "The webhook body must be a JSON object."));
  }
  const payload = parsed as Record<string, unknown>;
  const eventName = typeof payload.eventName === "string" ? payload.eventName.slice(0, 100) : "";
  if (!eventName)
    return reject(
      "eventName is missing",
      invalid("body.eventName", "The webhook body must name its event in eventName."),
    );

  // GoTo's eventKey identifies the event; a body without one is keyed by its digest, so an exact
  // re-delivery still counts once. Scoped by connector: two accounts may connect one organizer.
  const goToKey =
    typeof payload.eventKey === "string" && payload.eventKey
      ? payload.eventKey
      : `sha256-${createHash("sha256").update(rawBody).digest("hex")}`;
  const eventKey = `${connectorId}:${goToKey.slice(0, 200)}`;
  const known = (WEBHOOK_EVENT_NAMES as readonly string[]).includes(eventName);
  const status = known ? "RECEIVED" : "IGNORED";
  const reason = known ? null : `event ${eventName} is not one this service handles`;

  const stored = await store.insert({
    accountId: connector.accountId,
    connectorId,
    eventKey,
    eventName,
    payload: JSON.stringify(payload),
    status,
    reason,
  });
  const eventId = stored.eventId;
  if (!stored.inserted || !eventId) return { outcome: "duplicate", eventId, eventName };
  if (!known) return { outcome: "ignored", eventId, eventName, reason: reason ?? "" };
  return { outcome: "accepted", eventId, eventName };
}

const REJECT_REASONS = {
  "missing-signature": "the signature header is missing",
  "bad-signature": "the signature does not match (forged or signed with another secret)",
  "missing-timestamp": "the signature timestamp header is missing",
  "stale-timestamp": "the signature timestamp is outside the allowed window (stale or replayed delivery)",
} as const;

function unauthorized(message: string): DomainError {
  return new DomainError("UNAUTHORIZED", message);
}

/** For the record of a rejected delivery: its claimed event name, when one can be read. */
function guessEventName(rawBody: string): string {
  const match = /"eventName"\s*:\s*"([^"]{1,100})"/.exec(rawBody.slice(0, PREVIEW_CHARS));
  return match?.[1] ?? "unknown";
}
