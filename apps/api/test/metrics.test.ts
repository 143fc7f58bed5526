import { hasSample, sumSamples } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "./helpers";

const TOKEN = "api-metrics-token-0123456789";
let api: TestApi;
let plain: TestApi;
let base: string;

beforeAll(async () => {
  api = await createTestApi("metrics", { METRICS_TOKEN: TOKEN });
  plain = await createTestApi("metrics_off");
  base = await api.app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await api?.close();
  await plain?.close();
});

const scrape = async (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => {
  const res = await fetch(`${base}/metrics`, { headers });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};

describe("API /metrics", () => {
  it("is not there without METRICS_TOKEN, and answers only the token with it", async () => {
    expect((await plain.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
    const none = await scrape({});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text).message).toMatch(/Authorization: Bearer <METRICS_TOKEN>/);
    expect((await scrape({ authorization: "Bearer not-the-token-at-all" })).status).toBe(401);
    expect((await scrape({ authorization: `Basic ${TOKEN}` })).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(hasSample(ok.text, "gw_queue_jobs", { queue: "registrations", state: "waiting" })).toBe(true);
  });

  it("times every answered request by route pattern, never by raw URL", async () => {
    const before = (await scrape()).text;
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const form = await fetch(`${base}/f/00000000-0000-4000-8000-00000000abcd`);
    expect(form.status).toBe(404);
    const after = (await scrape()).text;
    const gained = (labels: Record<string, string>) =>
      sumSamples(after, "gw_http_request_duration_seconds_count", labels) -
      sumSamples(before, "gw_http_request_duration_seconds_count", labels);
    expect(gained({ method: "GET", route: "/healthz", status_code: "200" })).toBe(3);
    expect(gained({ method: "GET", route: "/f/:formId", status_code: "404" })).toBe(1);
    expect(after).not.toContain("00000000-0000-4000-8000-00000000abcd");
  });
});
