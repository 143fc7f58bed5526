import { randomUUID } from "node:crypto";
import { createConnector, createProspect, createRegistration, createWebinar } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { useUser } from "./auth-helpers";
import { injectAs, useTestApi } from "./helpers";

const api = useTestApi("prospects");
const me = useUser(api);
const them = useUser(api);

const inject = injectAs(api, me);

describe("GET /api/prospects", () => {
  it("searches by e-mail, name or company and hides merged-away records unless asked", async () => {
    const db = api.deps.db;
    const grace = await createProspect(db, {
      accountId: me.accountId,
      email: "grace@navy.test",
      firstName: "Grace",
      lastName: "Hopper",
      company: "Navy",
    });
    const oldGrace = await createProspect(db, {
      accountId: me.accountId,
      email: "grace@old.test",
      firstName: "Grace",
      mergedIntoId: grace.id,
    });
    await createProspect(db, { accountId: them.accountId, email: "grace@theirs.test", firstName: "Grace" });

    const res = await inject("GET", "/api/prospects?q=grace");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          id: grace.id,
          email: "grace@navy.test",
          firstName: "Grace",
          lastName: "Hopper",
          company: "Navy",
          score: 0,
          filtered: false,
          mergedIntoId: null,
          createdAt: expect.any(String),
        },
      ],
      total: 1,
      page: 1,
      pageSize: 25,
    });
    const withMerged = (await inject("GET", "/api/prospects?q=GRACE&includeMerged=true")).json();
    expect(withMerged.items.map((p: { id: string }) => p.id).sort()).toEqual([grace.id, oldGrace.id].sort());
    expect((await inject("GET", "/api/prospects?q=grace%20hopper")).json().total).toBe(1);
  });

  it("answers 400 naming the field", async () => {
    const res = await inject("GET", "/api/prospects?includeMerged=maybe&page=0");
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["querystring.includeMerged", "querystring.page"]);
  });

  it("needs a session", async () => {
    expect((await api.app.inject({ method: "GET", url: "/api/prospects" })).statusCode).toBe(401);
  });
});

describe("GET /api/prospects/:id", () => {
  it("shows the prospect with its webinar timeline, registrations and failed registration requests", async () => {
    const db = api.deps.db;
    const accountId = me.accountId;
    const connector = await createConnector(db, { accountId });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id, subject: "Timeline webinar" });
    const p = await createProspect(db, { accountId, score: 12 });
    await createRegistration(db, { accountId, webinarId: webinar.id, prospectId: p.id, source: "FORM" });
    await db.activity.create({
      data: {
        accountId,
        prospectId: p.id,
        webinarId: webinar.id,
        type: "REGISTERED",
        occurredAt: new Date(),
        points: 12,
      },
    });
    const request = await db.registrationRequest.create({
      data: {
        accountId,
        prospectId: p.id,
        webinarId: webinar.id,
        payload: { email: p.email },
        status: "FAILED",
        attempts: 5,
        lastError: "webinar is full",
        giveUpAt: new Date(),
      },
    });

    const res = await inject("GET", `/api/prospects/${p.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: p.id,
      email: p.email,
      score: 12,
      campaign: null,
      mergedInto: null,
      lists: [],
      tags: [],
      timeline: [{ type: "REGISTERED", points: 12, webinar: { id: webinar.id, subject: "Timeline webinar" } }],
      registrations: [
        {
          webinar: { id: webinar.id, subject: "Timeline webinar" },
          status: "APPROVED",
          source: "FORM",
          attended: false,
        },
      ],
      registrationRequests: [{ id: request.id, status: "FAILED", attempts: 5, lastError: "webinar is full" }],
    });
    expect(body).not.toHaveProperty("accountId");
    expect(body.registrations[0]).not.toHaveProperty("joinUrl");
  });

  it("answers 404 for another account's prospect on every verb", async () => {
    const theirs = await createProspect(api.deps.db, { accountId: them.accountId });
    const mine = await createProspect(api.deps.db, { accountId: me.accountId });
    expect((await inject("GET", `/api/prospects/${theirs.id}`)).statusCode).toBe(404);
    expect((await inject("PATCH", `/api/prospects/${theirs.id}`, { filtered: true })).statusCode).toBe(404);
    expect((await inject("POST", `/api/prospects/${theirs.id}/merge`, { intoId: mine.id })).statusCode).toBe(404);
    expect((await inject("POST", `/api/prospects/${mine.id}/merge`, { intoId: theirs.id })).statusCode).toBe(404);
    const after = await api.deps.db.prospect.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(after).toMatchObject({ filtered: false, mergedIntoId: null });
    expect((await inject("GET", `/api/prospects/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe("PATCH /api/prospects/:id", () => {
  it("edits basic fields and the filtered flag", async () => {
    const p = await createProspect(api.deps.db, { accountId: me.accountId });
    const res = await inject("PATCH", `/api/prospects/${p.id}`, { filtered: true, company: "Initech", phone: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ filtered: true, company: "Initech", phone: null });
  });

  it("answers 409 for an e-mail another prospect has and 400 for unknown or bad fields", async () => {
    const a = await createProspect(api.deps.db, { accountId: me.accountId });
    const b = await createProspect(api.deps.db, { accountId: me.accountId });
    const taken = await inject("PATCH", `/api/prospects/${b.id}`, { email: a.email.toUpperCase() });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().fields).toEqual([{ field: "email", message: expect.stringContaining(a.email.toUpperCase()) }]);
    const unknown = await inject("PATCH", `/api/prospects/${b.id}`, { score: 100 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain("score");
    const badEmail = await inject("PATCH", `/api/prospects/${b.id}`, { email: "nope" });
    expect(badEmail.json().fields).toEqual([{ field: "body.email", message: expect.any(String) }]);
    expect((await inject("PATCH", `/api/prospects/${b.id}`, {})).statusCode).toBe(400);
  });
});

describe("POST /api/prospects/:id/merge", () => {
  it("merges into the master and returns the master's page", async () => {
    const db = api.deps.db;
    const accountId = me.accountId;
    const connector = await createConnector(db, { accountId });
    const webinar = await createWebinar(db, { accountId, connectorId: connector.id });
    const master = await createProspect(db, { accountId, score: 5 });
    const old = await createProspect(db, { accountId, score: 3, company: "OldCo" });
    await createRegistration(db, { accountId, webinarId: webinar.id, prospectId: old.id });

    const res = await inject("POST", `/api/prospects/${old.id}/merge`, { intoId: master.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: master.id,
      score: 8,
      company: "OldCo",
      mergedFrom: [{ id: old.id, email: old.email }],
    });
    expect(res.json().registrations).toHaveLength(1);
    const again = await inject("POST", `/api/prospects/${old.id}/merge`, { intoId: master.id });
    expect(again.statusCode).toBe(409);
    const self = await inject("POST", `/api/prospects/${master.id}/merge`, { intoId: master.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().fields[0].field).toBe("intoId");
    const missing = await inject("POST", `/api/prospects/${master.id}/merge`, {});
    expect(missing.json().fields[0].field).toBe("body.intoId");
  });
});
