import { describe, expect, it } from "vitest";
import type { GotoLogger } from "../../src/index";
import { DAY_MINUTES, useScenarioHarness } from "./harness";

const { h, scenario } = useScenarioHarness({
  webinars: [{ subject: "Big webinar", startsInMinutes: 14 * DAY_MINUTES, registrants: 1_000 }],
});

const big = () => scenario.webinars[0]!;

describe("paging and big keys", () => {
  it("paged mode fetches every page of a 1,000-registrant webinar at 200 per page", async () => {
    await h.client.getIdentity();
    await h.sim.control.clearRequests();
    const registrants = await h.client.listAllRegistrants({ webinarKey: big().webinarKey, mode: "paged" });
    expect(registrants).toHaveLength(1_000);
    expect(new Set(registrants.map((r) => r.registrantKey))).toEqual(new Set(big().registrantKeys));
    const pages = (await h.sim.control.requests()).filter((r) => r.path.endsWith("/registrants"));
    expect(pages.map((r) => r.query)).toEqual([0, 1, 2, 3, 4].map((page) => ({ page: String(page), limit: "200" })));
  });

  it("single-request mode gets the same 1,000 in one request", async () => {
    const before = h.client.stats.requests;
    const registrants = await h.client.listAllRegistrants({ webinarKey: big().webinarKey });
    expect(h.client.stats.requests - before).toBe(1);
    expect(registrants.map((r) => r.registrantKey).sort()).toEqual([...big().registrantKeys].sort());
  });

  it("warns and stops when the page cap is hit", async () => {
    const warnings: object[] = [];
    const log: GotoLogger = { debug() {}, info() {}, error() {}, warn: (obj) => warnings.push(obj) };
    const capped = h.makeClient({ maxPages: 2, log, organizerKey: scenario.organizerKey });
    const registrants = await capped.listAllRegistrants({ webinarKey: big().webinarKey, mode: "paged" });
    expect(registrants).toHaveLength(400);
    expect(warnings).toEqual([expect.objectContaining({ list: "registrants", maxPages: 2, fetched: 400 })]);
  });

  it("19-digit keys round-trip exactly: list → get → delete", async () => {
    const keys = big().registrantKeys.filter((k) => k.length === 19 && BigInt(k) > BigInt(Number.MAX_SAFE_INTEGER));
    expect(keys.length).toBeGreaterThan(0);
    const registrantKey = keys[0]!;
    expect(String(Number(registrantKey))).not.toBe(registrantKey); // a JS number would have rounded it
    const { registrants } = await h.client.listRegistrants({ webinarKey: big().webinarKey, page: 0, limit: 200 });
    expect(registrants.every((r) => big().registrantKeys.includes(r.registrantKey))).toBe(true);
    const registrant = await h.client.getRegistrant({ webinarKey: big().webinarKey, registrantKey });
    expect(registrant.registrantKey).toBe(registrantKey);
    await h.client.deleteRegistrant({ webinarKey: big().webinarKey, registrantKey });
    const all = await h.client.listAllRegistrants({ webinarKey: big().webinarKey });
    expect(all.map((r) => r.registrantKey)).not.toContain(registrantKey);
    expect(all).toHaveLength(999);
  });
});
