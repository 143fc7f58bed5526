import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { fixture } from "./fixture";

export interface ReceivedEvent {
  id: string;
  type: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every event that verified, in arrival order (retries included). */
  received: ReceivedEvent[];
  /** Deliveries refused for a bad signature. */
  rejected: number;
  /** Requests answered with a failure on purpose (see failNext / failAll). */
  failed: number;
  /** Answer the next n requests with 500. */
  failNext(n: number): void;
  /** Answer every request with 500 until called with false. */
  failAll(on: boolean): void;
  /** Wait this long before answering each request. */
  delayMs: number;
  /** Distinct event ids seen, in order of first arrival. */
  distinctIds(): string[];
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A receiver of outbound events on a local port, verifying each request with the Standard
 * Webhooks library as any receiver would: a bad signature gets 401 and is not recorded.
 */
export async function startWebhookReceiver(secret: () => string): Promise<WebhookReceiver> {
  let failNext = 0;
  let failAll = false;
  const receiver: WebhookReceiver = {
    url: "",
    received: [],
    rejected: 0,
    failed: 0,
    delayMs: 0,
    failNext: (n) => {
      failNext = n;
    },
    failAll: (on) => {
      failAll = on;
    },
    distinctIds: () => [...new Set(receiver.received.map((event) => event.id))],
    async waitFor(predicate, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline)
          throw new Error(`receiver: condition not met within ${timeoutMs} ms (${receiver.received.length} received)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      if (receiver.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, receiver.delayMs));
      const body = Buffer.concat(chunks).toString("utf8");
      let payload: ReceivedEvent["payload"];
      try {
        payload = new Webhook(secret()).verify(body, headersOf(request.headers)) as ReceivedEvent["payload"];
      } catch {
        receiver.rejected++;
        response.writeHead(401).end("bad signature");
        return;
      }
      if (failAll || failNext > 0) {
        if (failNext > 0) failNext--;
        receiver.failed++;
        response.writeHead(500).end("receiver down");
        return;
      }
      receiver.received.push({
        id: String(request.headers["webhook-id"]),
        type: payload.type,
        payload,
        receivedAt: Date.now(),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return receiver;
}

function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, String(value)]));
}

/** `startWebhookReceiver` as the file's fixture: listening before its tests, closed after them. */
export function useWebhookReceiver(secret: () => string): WebhookReceiver {
  return fixture(
    () => startWebhookReceiver(secret),
    (receiver) => receiver.close(),
  );
}
