import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { type RunningSim, type SimOptions, startSim } from "../src/index";
import { parseLossless } from "../src/json/lossless";

export const REST = "/G2W/rest/v2";

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed losslessly: 19-digit numbers arrive as strings. */
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect response bodies ad hoc
  json: any;
}

export async function request(
  url: string,
  options: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(url, { method: options.method ?? "GET", headers, body, redirect: "manual" });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? parseLossless(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface TestSim extends RunningSim {
  token: string;
  organizerKey: string;
  accountKey: string;
  /** Issues a fresh token for the default organizer (after a reset) and uses it from then on. */
  newToken(): Promise<string>;
  /** Calls the REST API with the default organizer's token. */
  api(
    path: string,
    options?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse>;
}

export async function startTestSim(options: SimOptions = {}): Promise<TestSim> {
  const running = await startSim({ port: 0, seed: 1, rateLimitPerSecond: 0, ...options });
  const sim: TestSim = {
    ...running,
    token: "",
    organizerKey: "",
    accountKey: "",
    async newToken() {
      const organizer = await running.control.defaultOrganizer();
      sim.organizerKey = organizer.organizerKey;
      sim.accountKey = organizer.accountKey;
      sim.token = (await running.control.issueToken()).access_token;
      return sim.token;
    },
    api: (path, opts = {}) => request(`${running.url}${REST}${path}`, { token: sim.token, ...opts }),
  };
  await sim.newToken();
  return sim;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  posts(): Received[];
  /** Status codes for the next POSTs, in order; 200 once they run out. */
  failNextPosts(...statuses: number[]): void;
  getStatus: number;
  close(): Promise<void>;
}

/** A local webhook receiver: answers GET probes and records every request. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const queued: number[] = [];
  const receiver: Partial<Receiver> = { getStatus: 200 };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      res.statusCode = req.method === "GET" ? (receiver.getStatus ?? 200) : (queued.shift() ?? 200);
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    posts: () => received.filter((r) => r.method === "POST"),
    failNextPosts: (...statuses: number[]) => {
      queued.push(...statuses);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as Receiver;
}

export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
