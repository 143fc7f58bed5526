import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { guardedLookup, literalAddressRefused, RefusedAddressError } from "./address-policy";

export interface OutboundHttpPolicy {
  allowPrivateUrls: boolean;
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface SendWebhookOptions {
  url: string;
  /** whsec_… */
  secret: string;
  /** The stable event id: webhook-id on every attempt. */
  eventId: string;
  body: string;
  policy: OutboundHttpPolicy;
  now?: Date;
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** Why it failed: the status and the start of the answer, or the network error. */
  error?: string;
}

const SNIPPET = 300;

/**
 * Keep-alive agents, one per kind of guard: deliveries to one receiver reuse their connection
 * (a new TCP and TLS handshake per event would cap throughput), and every new connection still
 * goes through the guarded lookup.
 */
const agents = new Map<string, http.Agent>();
function agentFor(protocol: string, allowPrivateUrls: boolean): http.Agent {
  const key = `${protocol}${allowPrivateUrls}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = {
      keepAlive: true,
      maxSockets: 256,
      ...(allowPrivateUrls ? {} : { lookup: guardedLookup as never }),
    };
    agent = protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

/**
 * POSTs one event, signed per the Standard Webhooks specification with its own library
 * (webhook-id, webhook-timestamp, webhook-signature). Never follows redirects; a 2xx answer is
 * success. The answer is read up to maxResponseBytes and the whole exchange bounded by timeoutMs.
 */
export async function sendWebhook(options: SendWebhookOptions): Promise<SendResult> {
  const started = performance.now();
  const done = (result: Omit<SendResult, "latencyMs">): SendResult => ({
    ...result,
    latencyMs: Math.round(performance.now() - started),
  });
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return done({ ok: false, statusCode: null, error: `not a URL: ${options.url}` });
  }
  const { policy } = options;
  if (!policy.allowPrivateUrls) {
    const literal = literalAddressRefused(url);
    if (literal)
      return done({ ok: false, statusCode: null, error: new RefusedAddressError(url.hostname, literal).message });
  }
  const timestamp = options.now ?? new Date();
  const signature = new Webhook(options.secret).sign(options.eventId, timestamp, options.body);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(result));
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(options.body),
          "user-agent": "webinar-sync-webhooks/1",
          "webhook-id": options.eventId,
          "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
          "webhook-signature": signature,
        },
        agent: agentFor(url.protocol, policy.allowPrivateUrls),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxResponseBytes) {
            // Enough: the status is known, the rest of an oversized answer is not read.
            response.destroy();
            finish(outcome(status, Buffer.concat(chunks).toString("utf8")));
            return;
          }
          if (Buffer.concat(chunks).length < SNIPPET) chunks.push(chunk);
        });
        response.on("end", () => finish(outcome(status, Buffer.concat(chunks).toString("utf8"))));
        response.on("error", (error) => finish(outcome(status, "", error)));
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ ok: false, statusCode: null, error: `no complete answer within ${policy.timeoutMs} ms` });
    }, policy.timeoutMs);
    request.on("error", (error) => finish({ ok: false, statusCode: null, error: error.message }));
    request.end(options.body);
  });
}

function outcome(status: number, body: string, error?: Error): Omit<SendResult, "latencyMs"> {
  if (status >= 200 && status < 300) return { ok: true, statusCode: status };
  const snippet = body.slice(0, SNIPPET).trim();
  return {
    ok: false,
    statusCode: status,
    error: `HTTP ${status}${snippet ? `: ${snippet}` : ""}${error ? ` (${error.message})` : ""}`,
  };
}
