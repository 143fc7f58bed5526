import type { GotoClient } from "@gw/gotowebinar";
import { describe, expect, it } from "vitest";
import { type ConnectGoto, syncWebinar } from "../src/sync/index";
import { DAY, MINUTE, useSyncEnv } from "./sync-env";

// A registrant poll and a discovery of the same webinar run side by side (a Sync now queues
// both): the webinar moves in GoTo and the discovery writes its new times and plan while the
// poll is still reading GoTo with the old ones.
const env = useSyncEnv("movedmid");

describe("a webinar moved while its registrants are being polled", () => {
  it("keeps the discovery's plan from the new times: attendance due now, not at the old end", async () => {
    const { connectorId, scenario } = await env.seed([
      { subject: "Moves into the past", startsInMinutes: 3 * 24 * 60, durationMinutes: 45, registrants: 2 },
    ]);
    const webinarKey = scenario.webinars[0]!.webinarKey;
    const before = await env.db.webinar.findFirstOrThrow({ where: { connectorId, webinarKey } });
    expect(before.nextAttendanceSyncAt!.getTime()).toBe(before.endsAt.getTime() + 15 * MINUTE);

    // The discovery runs while the poll's registrant request is out.
    const racing: ConnectGoto<GotoClient> = async (connector, hooks) => {
      const goto = await env.connectGoto(connector, hooks);
      const listAllRegistrants: GotoClient["listAllRegistrants"] = async (...args) => {
        const listed = await goto.listAllRegistrants(...args);
        await env.sim.control.updateWebinar(webinarKey, { startsInMinutes: -2 * 24 * 60, durationMinutes: 45 });
        const discovered = await env.discover(connectorId);
        expect(discovered).toMatchObject({ status: "synced", details: { changed: 1 } });
        return listed;
      };
      return Object.assign(Object.create(goto), { listAllRegistrants });
    };
    const polled = await syncWebinar({
      db: env.db,
      webinarId: before.id,
      connectGoto: racing,
      settings: env.settings,
      now: env.now,
    });
    expect(polled.status).toBe("synced");

    const after = await env.db.webinar.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.endsAt.getTime()).toBeLessThan(env.now().getTime() - DAY);
    expect(after.lastPolledAt?.getTime()).toBe(env.now().getTime());
    expect(after.nextAttendanceSyncAt?.getTime()).toBe(env.now().getTime());
    expect(after.attendanceSyncs).toBe(0);

    // The dispatcher hands out the attendance sync due now: the poll that ended meanwhile did
    // not do it, so it runs (it was skipped as "already synced since it was due", for good).
    const dueAt = after.nextAttendanceSyncAt ?? new Date(0);
    const dispatched = () =>
      syncWebinar({
        db: env.db,
        webinarId: before.id,
        connectGoto: env.connectGoto,
        settings: env.settings,
        now: env.now,
        dueAt,
      });
    const attendance = await dispatched();
    expect(attendance).toMatchObject({ status: "synced", kind: "ATTENDANCE" });
    const synced = await env.db.webinar.findUniqueOrThrow({ where: { id: before.id } });
    expect(synced.attendanceSyncs).toBe(1);
    // Two days after its end this was its final attendance sync: nothing more is planned.
    expect(synced.nextAttendanceSyncAt).toBeNull();

    // A second job for that same due time (queued before the first ran) now finds nothing to do.
    const again = await dispatched();
    expect(again).toEqual({ status: "skipped", reason: "already synced since it was due" });
  });
});
