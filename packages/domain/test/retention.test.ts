import { pgTransaction } from "@gw/db";
import { createAccount, createConnector, createProspect, createWebinar, useTestDatabase } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { encodeCursor, listParticipation } from "../src/events/index";
import {
  CHANGE_RETENTION_CURSOR,
  pruneExpiredRecords,
  RETENTION_STATEMENTS,
  type RetentionPeriods,
} from "../src/retention/index";

const { db } = useTestDatabase("retention");

const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const retention: RetentionPeriods = {
  syncRunDays: 90,
  formSubmissionPayloadDays: 365,
  registrationRequestDays: 90,
  formSubmissionKeyDays: 7,
  changeEventDays: 90,
};

async function fixture() {
  const account = await createAccount(db);
  const connector = await createConnector(db, { accountId: account.id });
  const webinar = await createWebinar(db, { accountId: account.id, connectorId: connector.id });
  const prospect = await createProspect(db, { accountId: account.id });
  const form = await db.form.create({ data: { accountId: account.id, name: "Signup" } });
  return { account, connector, webinar, prospect, form };
}

describe("pruneExpiredRecords", () => {
  it("removes finished sync runs, completed registrations and old keys past their days, in batches, keeping what is still needed", async () => {
    const { account, connector, webinar, prospect, form } = await fixture();
    const run = (status: "SUCCEEDED" | "FAILED" | "RUNNING", days: number) =>
      db.syncRun.create({
        data: { accountId: account.id, connectorId: connector.id, kind: "REGISTRANTS", status, startedAt: ago(days) },
      });
    const oldRuns = await Promise.all([run("SUCCEEDED", 91), run("FAILED", 200), run("SUCCEEDED", 100)]);
    const keptRuns = await Promise.all([run("SUCCEEDED", 89), run("RUNNING", 400)]);

    const request = (status: "SUCCEEDED" | "FAILED" | "PENDING", days: number) =>
      db.registrationRequest.create({
        data: {
          accountId: account.id,
          prospectId: prospect.id,
          webinarId: webinar.id,
          payload: { email: prospect.email },
          status,
          createdAt: ago(days + 1),
          completedAt: status === "PENDING" ? null : ago(days),
          giveUpAt: ago(days - 1),
        },
      });
    const oldRequests = await Promise.all([request("SUCCEEDED", 91), request("FAILED", 120)]);
    const keptRequests = await Promise.all([request("SUCCEEDED", 10), request("PENDING", 400)]);

    const key = (fingerprint: string, days: number) =>
      db.formSubmissionKey.create({
        data: { formId: form.id, fingerprint, submissionId: crypto.randomUUID(), createdAt: ago(days) },
      });
    await Promise.all([key("old-1", 8), key("old-2", 30), key("new-1", 6)]);

    const result = await pruneExpiredRecords({ db, retention, now, batchSize: 2 });
    expect(result).toMatchObject({ syncRuns: 3, registrationRequests: 2, formSubmissionKeys: 2 });
    const runs = await db.syncRun.findMany({ where: { accountId: account.id }, select: { id: true } });
    expect(runs.map((r) => r.id).sort()).toEqual(keptRuns.map((r) => r.id).sort());
    expect(oldRuns.some((r) => runs.some((k) => k.id === r.id))).toBe(false);
    const requests = await db.registrationRequest.findMany({ where: { accountId: account.id }, select: { id: true } });
    expect(requests.map((r) => r.id).sort()).toEqual(keptRequests.map((r) => r.id).sort());
    expect(oldRequests.some((r) => requests.some((k) => k.id === r.id))).toBe(false);
    const keys = await db.formSubmissionKey.findMany({ where: { formId: form.id }, select: { fingerprint: true } });
    expect(keys.map((k) => k.fingerprint)).toEqual(["new-1"]);
  });

  it("empties old submissions' answers, IP and user agent, keeping the submission, its consents and UTM", async () => {
    const { account, prospect, form } = await fixture();
    const submission = (days: number) =>
      db.formSubmission.create({
        data: {
          accountId: account.id,
          formId: form.id,
          prospectId: prospect.id,
          data: { email: prospect.email, comment: "call me" },
          ip: "203.0.113.7",
          userAgent: "Firefox",
          consents: [{ name: "newsletter", text: "Yes", version: 1, given: true }],
          utm: { utm_source: "mail" },
          createdAt: ago(days),
        },
      });
    const old = await submission(400);
    const recent = await submission(30);
    const first = await pruneExpiredRecords({ db, retention, now });
    expect(first.formSubmissionPayloads).toBe(1);
    const emptied = await db.formSubmission.findUniqueOrThrow({ where: { id: old.id } });
    expect(emptied).toMatchObject({ data: {}, ip: null, userAgent: null, utm: { utm_source: "mail" } });
    expect(emptied.consents).toEqual([{ name: "newsletter", text: "Yes", version: 1, given: true }]);
    expect((await db.formSubmission.findUniqueOrThrow({ where: { id: recent.id } })).ip).toBe("203.0.113.7");
    // Nothing left to empty: the next run touches nothing.
    expect((await pruneExpiredRecords({ db, retention, now })).formSubmissionPayloads).toBe(0);
  });

  it("removes old changes only once the outbound fan-out has read them, and records how far it removed", async () => {
    const { account } = await fixture();
    await db.changeEvent.deleteMany({});
    await db.changeCursor.deleteMany({});
    const change = (days: number) =>
      db.changeEvent.create({
        data: { accountId: account.id, type: "participation.registered", createdAt: ago(days), occurredAt: ago(days) },
      });
    const events: Awaited<ReturnType<typeof change>>[] = [];
    for (const days of [200, 150, 120, 100, 30]) events.push(await change(days));
    const position = (e: (typeof events)[number]) => ({ txid: e.txid, lastId: e.id });

    // No reader has a cursor yet: nothing is removed, however old.
    expect((await pruneExpiredRecords({ db, retention, now })).changeEvents).toBe(0);

    // The fan-out has read the first two only: those two go, the unread old ones stay.
    await db.changeCursor.create({ data: { name: "outbound", ...position(events[1]!) } });
    expect((await pruneExpiredRecords({ db, retention, now, batchSize: 1 })).changeEvents).toBe(2);
    const left = await db.changeEvent.findMany({ where: { accountId: account.id }, orderBy: { id: "asc" } });
    expect(left.map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
    const horizon = await db.changeCursor.findUniqueOrThrow({ where: { name: CHANGE_RETENTION_CURSOR } });
    expect({ txid: horizon.txid, lastId: horizon.lastId }).toEqual(position(events[1]!));

    // A feed reader whose cursor points into the removed range is told, not silently skipped on.
    const stale = encodeCursor({ txid: events[0]!.txid.toString(), id: events[0]!.id.toString() });
    await expect(listParticipation({ db, accountId: account.id, since: stale })).rejects.toMatchObject({
      code: "GONE",
      details: { field: "since" },
    });
    const fresh = encodeCursor({ txid: events[1]!.txid.toString(), id: events[1]!.id.toString() });
    const page = await listParticipation({ db, accountId: account.id, since: fresh });
    expect(page.items.length).toBeGreaterThan(0);

    // Read to the end: every change past 90 days goes, the recent one stays.
    await db.changeCursor.update({ where: { name: "outbound" }, data: position(events[4]!) });
    expect((await pruneExpiredRecords({ db, retention, now })).changeEvents).toBe(2);
    const rest = await db.changeEvent.findMany({ where: { accountId: account.id }, select: { id: true } });
    expect(rest.map((e) => e.id)).toEqual([events[4]!.id]);
  });

  it("finds what is due in submissions and registration requests by their age indexes, never by a sequential scan", async () => {
    // Sequential scans priced out: a statement that could not use its index would still show one.
    const plans = await pgTransaction(
      db,
      async (query) => {
        const plan = async (statement: string) => {
          const [row] = await query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${statement}`, [1000, ago(90)]);
          return JSON.stringify(row?.["QUERY PLAN"]);
        };
        return {
          submissions: await plan(RETENTION_STATEMENTS.formSubmissionPayloads),
          requests: await plan(RETENTION_STATEMENTS.registrationRequests),
        };
      },
      { enable_seqscan: "off", plan_cache_mode: "force_custom_plan" },
    );
    expect(plans.submissions).toContain('"Index Name":"FormSubmission_payload_age_idx"');
    expect(plans.submissions).not.toContain('"Node Type":"Seq Scan"');
    expect(plans.requests).toContain('"Index Name":"RegistrationRequest_completed_age_idx"');
    expect(plans.requests).not.toContain('"Node Type":"Seq Scan"');
  });
});
