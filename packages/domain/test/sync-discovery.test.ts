import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DueWork, discoverWebinars, dispatchDueWork, syncWebinar } from "../src/sync/index";
import { createSyncEnv, DAY, HOUR, MINUTE, type SyncEnv } from "./sync-env";

let env: SyncEnv;
beforeAll(async () => {
  env = await createSyncEnv("syncdisc");
});
afterAll(async () => env?.close());

const discover = (connectorId: string, mode: "discovery" | "backfill" = "discovery") =>
  discoverWebinars({
    db: env.db,
    connectorId,
    connectGoto: env.connectGoto,
    settings: env.settings,
    mode,
    now: env.now,
  });
const sync = (webinarId: string) =>
  syncWebinar({ db: env.db, webinarId, connectGoto: env.connectGoto, settings: env.settings, now: env.now });

async function dueWork(connectorId?: string) {
  const work: DueWork[] = [];
  await dispatchDueWork({
    db: env.db,
    now: env.now(),
    connectorId,
    sink: { enqueue: async (w) => void work.push(...w) },
  });
  return work;
}

describe("discovery", () => {
  it("finds every webinar of the window, schedules each by its distance after its first sync", async () => {
    const { connectorId, organizerKey } = await env.createConnector();
    const distances = [
      ["4 weeks", 28 * DAY, 120],
      ["2.5 weeks", 17 * DAY, 60],
      ["1.5 weeks", 10 * DAY, 30],
      ["3 days", 3 * DAY, 10],
      ["live", -20 * MINUTE, 10],
    ] as const;
    const scenario = await env.sim.control.scenario({
      organizerKey,
      webinars: [
        ...distances.map(([subject, ms]) => ({
          subject,
          startsInMinutes: ms / MINUTE,
          durationMinutes: 60,
          registrants: 3,
        })),
        { subject: "ended 2 days ago", startsInMinutes: -2 * 24 * 60, durationMinutes: 60, registrants: 3 },
        { subject: "ended before the lookback window", startsInMinutes: -120 * 24 * 60, registrants: 3 },
      ],
    });

    const result = await discover(connectorId);
    expect(result).toMatchObject({
      status: "synced",
      kind: "DISCOVERY",
      counts: { fetched: 6, created: 6, updated: 0 },
    });
    const webinars = await env.db.webinar.findMany({ where: { connectorId } });
    expect(webinars.map((w) => w.subject).sort()).toEqual([...distances.map(([s]) => s), "ended 2 days ago"].sort());
    const bySubject = new Map(webinars.map((w) => [w.subject, w]));
    expect(bySubject.get("live")?.status).toBe("LIVE");
    expect(bySubject.get("3 days")?.webinarKey).toBe(scenario.webinars[3]?.webinarKey);
    // New webinars are due at once: registrants for upcoming ones, attendance for the ended one.
    const due = (await dueWork(connectorId)).filter((w) => w.kind === "webinar");
    expect(due).toHaveLength(6);
    expect(bySubject.get("ended 2 days ago")).toMatchObject({ nextPollAt: null, status: "ENDED" });

    for (const webinar of webinars) await sync(webinar.id);
    const now = env.now().getTime();
    for (const [subject, , minutes] of distances) {
      const webinar = await env.db.webinar.findFirstOrThrow({ where: { connectorId, subject } });
      expect(webinar.nextPollAt?.getTime(), subject).toBe(now + minutes * MINUTE);
      expect(webinar.nextAttendanceSyncAt?.getTime(), subject).toBe(webinar.endsAt.getTime() + 15 * MINUTE);
    }
    const ended = await env.db.webinar.findFirstOrThrow({ where: { connectorId, subject: "ended 2 days ago" } });
    expect(ended).toMatchObject({ nextPollAt: null, nextAttendanceSyncAt: null, attendanceSyncs: 1 });
    expect(ended.attendanceFinalAt).not.toBeNull();
    expect(await dueWork(connectorId)).toEqual([]);
  });

  it("picks up new webinars, moves the schedule of changed ones and cancels vanished ones", async () => {
    const { connectorId, organizerKey } = await env.createConnector();
    const scenario = await env.sim.control.scenario({
      organizerKey,
      webinars: [
        { subject: "will move closer", startsInMinutes: 30 * 24 * 60, registrants: 2 },
        { subject: "will be cancelled", startsInMinutes: 5 * 24 * 60, registrants: 2 },
        { subject: "will be renamed", startsInMinutes: 9 * 24 * 60, registrants: 2 },
      ],
    });
    await discover(connectorId);
    for (const webinar of await env.db.webinar.findMany({ where: { connectorId } })) await sync(webinar.id);
    const [moving, cancelling, renaming] = scenario.webinars.map((w) => w.webinarKey) as [string, string, string];

    await env.advance(5 * MINUTE);
    await env.sim.control.updateWebinar(moving, { startsInMinutes: 2 * 24 * 60, publish: false });
    await env.sim.control.cancelWebinar(cancelling);
    await env.sim.control.updateWebinar(renaming, { subject: "renamed", publish: false });
    const added = await env.sim.control.scenario({
      organizerKey,
      webinars: [{ subject: "brand new", startsInMinutes: 60, registrants: 1 }],
    });

    const result = await discover(connectorId);
    expect(result).toMatchObject({ status: "synced", counts: { created: 1, updated: 3 } });
    const now = env.now();
    const moved = await env.db.webinar.findFirstOrThrow({ where: { connectorId, webinarKey: moving } });
    expect(moved.startsAt.getTime()).toBe(Math.floor((now.getTime() + 2 * DAY) / MINUTE) * MINUTE);
    // Was due in 2 h (4 weeks away); now under a week away: polled within 10 minutes.
    expect(moved.nextPollAt!.getTime()).toBe(now.getTime() + 10 * MINUTE);
    expect(moved.nextAttendanceSyncAt!.getTime()).toBe(moved.endsAt.getTime() + 15 * MINUTE);

    const cancelled = await env.db.webinar.findFirstOrThrow({ where: { connectorId, webinarKey: cancelling } });
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      cancelledAt: now,
      nextPollAt: null,
      nextAttendanceSyncAt: null,
    });
    expect(await env.db.webinarRegistration.count({ where: { webinarId: cancelled.id } })).toBe(2);

    const renamed = await env.db.webinar.findFirstOrThrow({ where: { connectorId, webinarKey: renaming } });
    expect(renamed.subject).toBe("renamed");
    expect(renamed.nextPollAt!.getTime()).toBe(now.getTime() - 5 * MINUTE + 30 * MINUTE);

    const fresh = await env.db.webinar.findFirstOrThrow({
      where: { connectorId, webinarKey: added.webinars[0]!.webinarKey },
    });
    expect(fresh).toMatchObject({ subject: "brand new", nextPollAt: now, status: "SCHEDULED" });
    const dueWebinars = (await dueWork(connectorId)).flatMap((w) => (w.kind === "webinar" ? [w.webinarId] : []));
    expect(dueWebinars).toEqual([fresh.id]);
  });

  it("changes nothing when run again with nothing new in GoTo", async () => {
    const { connectorId, organizerKey } = await env.createConnector();
    await env.sim.control.scenario({
      organizerKey,
      webinars: [
        { startsInMinutes: 3 * 24 * 60, registrants: 2 },
        { startsInMinutes: -3 * 24 * 60, registrants: 2 },
      ],
    });
    await discover(connectorId);
    const before = await env.db.webinar.findMany({ where: { connectorId }, orderBy: { webinarKey: "asc" } });
    await env.advance(MINUTE);
    const again = await discover(connectorId);
    expect(again).toMatchObject({ status: "synced", counts: { fetched: 2, created: 0, updated: 0 } });
    expect(await env.db.webinar.findMany({ where: { connectorId }, orderBy: { webinarKey: "asc" } })).toEqual(before);
  });

  it("backfills: loads past sessions in one organizer-wide call and makes every past webinar of the window due", async () => {
    const { connectorId, organizerKey } = await env.createConnector();
    await env.sim.control.scenario({
      organizerKey,
      webinars: [
        { startsInMinutes: -10 * 24 * 60, registrants: 4 },
        { startsInMinutes: -20 * 24 * 60, registrants: 4, type: "sequence", sessions: 2 },
        { startsInMinutes: 7 * 24 * 60, registrants: 4 },
      ],
    });
    const result = await discover(connectorId, "backfill");
    expect(result).toMatchObject({ status: "synced", kind: "BACKFILL", details: { sessions: 3, backfilled: 2 } });
    expect(await env.db.webinarSession.count({ where: { webinar: { connectorId } } })).toBe(3);
    const connector = await env.db.connector.findUniqueOrThrow({ where: { id: connectorId } });
    expect(connector.backfillDueAt).toBeNull();
    expect(connector.backfilledAt).toEqual(env.now());
    expect(connector.nextDiscoveryAt).toEqual(new Date(env.now().getTime() + 10 * MINUTE));
    expect((await dueWork(connectorId)).filter((w) => w.kind === "webinar")).toHaveLength(3);
    // Sessions known: an attendance sync asks only for their attendees (1 + 1 + 2 requests for 3 webinars' registrants;
    // engagement, off here, is counted in engagement-sync.test.ts and bench/sync-initial.ts).
    const runs = [];
    for (const webinar of await env.db.webinar.findMany({ where: { connectorId } })) {
      runs.push(
        await syncWebinar({
          db: env.db,
          webinarId: webinar.id,
          connectGoto: env.connectGoto,
          settings: env.settings,
          now: env.now,
          engagement: false,
        }),
      );
    }
    const requests = runs.reduce((sum, r) => sum + (r.status === "synced" ? (r.details.apiRequests ?? 0) : 0), 0);
    expect(requests).toBe(3 + 3);
    expect(await discover(connectorId, "backfill")).toEqual({ status: "skipped", reason: "backfill already done" });
  });
});

describe("a discovery racing a webhook", () => {
  it("leaves a webinar that a webhook moved while GoTo's list was being read as the webhook left it", async () => {
    const { connectorId, organizerKey } = await env.createConnector();
    const scenario = await env.sim.control.scenario({
      organizerKey,
      webinars: [{ subject: "Moved while listed", startsInMinutes: (3 * DAY) / MINUTE, durationMinutes: 60 }],
    });
    const webinarKey = scenario.webinars[0]?.webinarKey ?? "";
    await discover(connectorId);
    const before = await env.db.webinar.findFirstOrThrow({ where: { connectorId, webinarKey } });

    // GoTo answers the list with the webinar three days away; then the organizer moves it two days
    // into the past and its webinar.changed webhook is applied, before the discovery writes.
    const now = env.now();
    const startsAt = new Date(now.getTime() - 2 * DAY);
    const endsAt = new Date(startsAt.getTime() + 45 * MINUTE);
    const moveAfterListing: typeof env.connectGoto = async (connector, hooks) => {
      const client = await env.connectGoto(connector, hooks);
      return Object.assign(Object.create(client), {
        listWebinars: async (...args: Parameters<typeof client.listWebinars>) => {
          const listed = await client.listWebinars(...args);
          await env.db.webinar.update({
            where: { id: before.id },
            data: {
              startsAt,
              endsAt,
              times: [{ startTime: startsAt.toISOString(), endTime: endsAt.toISOString() }],
              status: "ENDED",
              nextPollAt: null,
              nextAttendanceSyncAt: now,
            },
          });
          return listed;
        },
      });
    };
    const result = await discoverWebinars({
      db: env.db,
      connectorId,
      connectGoto: moveAfterListing,
      settings: env.settings,
      mode: "discovery",
      now: env.now,
    });
    expect(result.status).toBe("synced");

    // The list's times are older than the webhook's: the webhook's times and schedule stand, so the
    // attendance sync stays due now rather than at the old end, days away.
    const after = await env.db.webinar.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ endsAt, status: "ENDED", nextAttendanceSyncAt: now, attendanceSyncs: 0 });
  });
});

describe("the dispatcher's view of due work", () => {
  it("hands out due webinars and connectors, but nothing of a connector in ERROR or of a cancelled webinar", async () => {
    const healthy = await env.createConnector();
    const broken = await env.createConnector();
    await env.db.connector.update({
      where: { id: broken.connectorId },
      data: { status: "ERROR", lastError: "refresh token revoked" },
    });
    const past = new Date(env.now().getTime() - MINUTE);
    const { createWebinar } = await import("@gw/testing");
    const due = await createWebinar(env.db, {
      accountId: healthy.accountId,
      connectorId: healthy.connectorId,
      nextPollAt: past,
    });
    const attendanceDue = await createWebinar(env.db, {
      accountId: healthy.accountId,
      connectorId: healthy.connectorId,
      nextPollAt: new Date(env.now().getTime() + HOUR),
      nextAttendanceSyncAt: past,
    });
    await createWebinar(env.db, {
      accountId: healthy.accountId,
      connectorId: healthy.connectorId,
      nextPollAt: new Date(env.now().getTime() + HOUR),
    });
    await createWebinar(env.db, {
      accountId: healthy.accountId,
      connectorId: healthy.connectorId,
      nextPollAt: past,
      status: "CANCELLED",
    });
    await createWebinar(env.db, { accountId: broken.accountId, connectorId: broken.connectorId, nextPollAt: past });

    const work = [...(await dueWork(healthy.connectorId)), ...(await dueWork(broken.connectorId))];
    expect(work).toEqual(
      expect.arrayContaining([
        { kind: "backfill", connectorId: healthy.connectorId, dueAt: expect.any(Date) },
        { kind: "webinar", webinarId: due.id, connectorId: healthy.connectorId, dueAt: past },
        { kind: "webinar", webinarId: attendanceDue.id, connectorId: healthy.connectorId, dueAt: past },
      ]),
    );
    expect(work).toHaveLength(3);
    // A sync handed out anyway (queued before the connector broke) does nothing.
    const brokenWebinar = await env.db.webinar.findFirstOrThrow({ where: { connectorId: broken.connectorId } });
    expect(await sync(brokenWebinar.id)).toEqual({ status: "skipped", reason: "connector is ERROR" });
    expect(await env.db.syncRun.count({ where: { connectorId: broken.connectorId } })).toBe(0);
  });
});
