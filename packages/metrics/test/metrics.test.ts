import { describe, expect, it } from "vitest";
import { addSamplers, gotoEndpoint, gotoOutcome, isMetricsAuthorized, renderMetrics } from "../src";

describe("metrics", () => {
  it("names GoTo endpoints without their keys", () => {
    expect(gotoEndpoint("/organizers/123456789012/webinars/987/registrants")).toBe(
      "/organizers/{key}/webinars/{key}/registrants",
    );
    expect(gotoEndpoint("/organizers/1/webinars?fromTime=2020")).toBe("/organizers/{key}/webinars");
    expect(gotoEndpoint("/identity/v1/Users/me")).toBe("/identity/v1/Users/me");
    expect(gotoEndpoint("/recordingAssets/3f2b8c1e-4a5d-4e6f-9a0b-1c2d3e4f5a6b")).toBe("/recordingAssets/{key}");
  });

  it("sorts statuses into outcomes", () => {
    expect([200, 204, 301, 400, 404, 429, 500, 503, 0].map(gotoOutcome)).toEqual([
      "2xx",
      "2xx",
      "3xx",
      "4xx",
      "4xx",
      "429",
      "5xx",
      "5xx",
      "network",
    ]);
  });

  it("takes only the exact bearer token", () => {
    const token = "a-token-of-some-length";
    expect(isMetricsAuthorized(`Bearer ${token}`, token)).toBe(true);
    expect(isMetricsAuthorized(`bearer  ${token}`, token)).toBe(true);
    expect(isMetricsAuthorized(`Bearer ${token}x`, token)).toBe(false);
    expect(isMetricsAuthorized(token, token)).toBe(false);
    expect(isMetricsAuthorized(undefined, token)).toBe(false);
  });

  it("renders without the gauges of a reading that failed, and counts the failure", async () => {
    const errors: string[] = [];
    const remove = addSamplers({
      queues: async () => [{ queue: "sync", state: "waiting", count: 7 }],
      backlog: async () => Promise.reject(new Error("postgres is away")),
      onError: (sample, error) => errors.push(`${sample}: ${(error as Error).message}`),
    });
    try {
      const { body } = await renderMetrics();
      expect(body).toContain('gw_queue_jobs{queue="sync",state="waiting"} 7');
      expect(body).not.toMatch(/^gw_sync_lag_seconds\{/m);
      expect(body).toContain('gw_metrics_sample_failures_total{sample="backlog"} 1');
      expect(errors).toEqual(["backlog: postgres is away"]);
    } finally {
      remove();
    }
  });
});
