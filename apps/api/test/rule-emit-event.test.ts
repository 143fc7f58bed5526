import { deliverEndpoint, fanOutChangeEvents } from "@gw/domain/outbound";
import { createProspect, useWebhookReceiver } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { type LoggedInUser, useUser } from "./auth-helpers";
import { useTestApi } from "./helpers";

const api = useTestApi("ruleevent", { OUTBOUND_ALLOW_PRIVATE_URLS: "true" });
const admin = useUser(api);
const marketer = useUser(api, () => ({ accountId: admin.accountId, role: "MARKETER" }));
const other = useUser(api);
let secret = "";
const receiver = useWebhookReceiver(() => secret);

const inject = (method: "GET" | "POST", url: string, payload: unknown, user: LoggedInUser) =>
  api.app.inject({ method, url, headers: user.headers, payload: payload as object });

/** The worker's two outbound steps, run here: fan the change log out, then deliver. */
async function deliverAll(endpointId: string) {
  for (;;) if (!(await fanOutChangeEvents({ db: api.deps.db, giveUpAfterMs: 60_000 })).hasMore) break;
  await deliverEndpoint({
    db: api.deps.db,
    secretBox: api.deps.secretBox,
    endpointId,
    policy: { allowPrivateUrls: true, timeoutMs: 2_000, maxResponseBytes: 1_024 },
    backoff: { baseMs: 10, maxMs: 10 },
    disableAfterMs: 86_400_000,
  });
}

describe("EMIT_EVENT rule action", () => {
  it("is an event type endpoints can subscribe to", async () => {
    const types = await inject("GET", "/api/endpoints/event-types", undefined, admin);
    expect(types.statusCode, types.body).toBe(200);
    expect(types.json().items).toContain("rule.matched");
  });

  it("delivers a signed rule.matched event with the rule and the prospect, only to endpoints that want it, and logs it", async () => {
    const wanting = await inject(
      "POST",
      "/api/endpoints",
      { url: receiver.url, description: "CRM", eventTypes: ["rule.matched"] },
      admin,
    );
    expect(wanting.statusCode, wanting.body).toBe(201);
    secret = wanting.json().secret;
    const elsewhere = await inject(
      "POST",
      "/api/endpoints",
      { url: `${receiver.url}/forms-only`, eventTypes: ["form.submitted"] },
      admin,
    );
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);

    const hot = await createProspect(api.deps.db, {
      accountId: admin.accountId,
      email: "hot.lead@example.com",
      score: 120,
    });
    await createProspect(api.deps.db, { accountId: admin.accountId, email: "cold.lead@example.com", score: 5 });
    await createProspect(api.deps.db, { accountId: other.accountId, email: "theirs@example.com", score: 500 });

    // Marketers may make rules (the API allows them): this one is made by a marketer.
    const created = await inject(
      "POST",
      "/api/rules",
      {
        name: "Hot leads to the CRM",
        criteria: { type: "group", match: "all", conditions: [{ type: "score", op: "gte", value: 100 }] },
        actions: [{ type: "EMIT_EVENT" }],
      },
      marketer,
    );
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json();
    expect(rule.actions).toEqual([{ type: "EMIT_EVENT" }]);
    const enabled = await inject("POST", `/api/rules/${rule.id}/enable`, undefined, marketer);
    expect(enabled.json()).toMatchObject({ acted: 1 });

    await deliverAll(wanting.json().id);
    await deliverAll(elsewhere.json().id);
    const events = receiver.received.filter((e) => e.type === "rule.matched");
    expect(events).toHaveLength(1); // the receiver recorded it only because its signature verified
    expect(receiver.rejected).toBe(0);
    const [event] = events;
    expect(event?.id).toMatch(/^evt_\d+$/);
    expect(event?.payload).toMatchObject({
      type: "rule.matched",
      data: {
        type: "rule.matched",
        prospect: { id: hot.id, email: "hot.lead@example.com" },
        details: { rule: { id: rule.id, name: "Hot leads to the CRM" } },
      },
    });
    // The form-only endpoint got nothing.
    expect(await api.deps.db.outboundDelivery.count({ where: { endpointId: elsewhere.json().id } })).toBe(0);

    const log = await inject("GET", `/api/rules/${rule.id}/runs`, undefined, marketer);
    expect(log.json().items).toEqual([
      expect.objectContaining({ email: "hot.lead@example.com", actions: [{ type: "EMIT_EVENT", outcome: "done" }] }),
    ]);
  });

  it("refuses settings the action does not take, naming them", async () => {
    const res = await inject(
      "POST",
      "/api/rules",
      {
        name: "Bad event",
        criteria: { type: "group", match: "all", conditions: [{ type: "score", op: "gte", value: 1 }] },
        actions: [{ type: "EMIT_EVENT", url: "https://example.com" }],
      },
      admin,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("actions.0: url is not a property of this action");
  });
});
