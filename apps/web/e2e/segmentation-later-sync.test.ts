// Segmentation kept current by a later sync: the dynamic list "attended X" and the rule "absent
// from X → tag + register for Y" are on while X is still ahead, so they match nobody; then X takes
// place in GoTo (the stand-in), a sync brings its attendance, and both act on their own: the
// attendee joins the list, the absentee is tagged and registered for Y, and each prospect's page
// says which list or rule touched them.
import { createList } from "@gw/domain/lists";
import { createRule, enableRule } from "@gw/domain/rules";
import { describe, expect, it } from "vitest";
import {
  appears,
  connectDefaultOrganizer,
  eventually,
  logIn,
  ruleLogOnceRegistered,
  screenshot,
  useStack,
} from "./harness";

const DAY = 24 * 60;
const TAG = "missed-summer-briefing";
const upcoming = (subject: string, inDays: number) => ({ subject, startsInMinutes: inDays * DAY, durationMinutes: 45 });

describe("segmentation: a later sync updates a dynamic list and a rule that were on before", () => {
  const who = { attendee: "", absentee: "" };
  const keys = { x: "", y: "", attendee: "" };
  const ids = { x: "", y: "", list: "", rule: "" };

  const stack = useStack("e2esegl", {
    async setup() {
      // Nobody attends by chance (ratio 0): who attends is the one join recorded below.
      const seeded = await stack.sim.control.scenario({
        seed: 1516,
        webinars: [
          { ...upcoming("Summer briefing", 3), registrants: 2, attendanceRatio: 0 },
          upcoming("Summer briefing replay", 10),
        ],
      });
      const [briefing, replay] = seeded.webinars;
      if (!briefing || !replay) throw new Error("the scenario made no webinars");
      Object.assign(keys, { x: briefing.webinarKey, y: replay.webinarKey });
      const [attendee, absentee] = await stack.sim.control.registrants(briefing.webinarKey);
      if (!attendee || !absentee) throw new Error("the scenario made too few registrants");
      Object.assign(who, { attendee: attendee.email, absentee: absentee.email });
      keys.attendee = attendee.registrantKey;

      await connectDefaultOrganizer(stack, "Marketing webinars");
      await eventually(
        "the upcoming webinar's registrants",
        async () =>
          (await stack.db.webinarRegistration.count({ where: { webinar: { subject: "Summer briefing" } } })) === 2,
        60_000,
      );
      ids.x = (await stack.db.webinar.findFirstOrThrow({ where: { subject: "Summer briefing" } })).id;
      ids.y = (await stack.db.webinar.findFirstOrThrow({ where: { subject: "Summer briefing replay" } })).id;

      const accountId = stack.admin.accountId;
      const condition = (status: "attended" | "absent") => ({
        type: "group" as const,
        match: "all" as const,
        conditions: [{ type: "webinarStatus" as const, status, webinar: { webinarId: ids.x } }],
      });
      ids.list = (
        await createList({ db: stack.db, accountId, name: "Attended Summer briefing", criteria: condition("attended") })
      ).id;
      ids.rule = (
        await createRule({
          db: stack.db,
          accountId,
          name: "Nurture Summer briefing absentees",
          criteria: condition("absent"),
          actions: [
            { type: "ADD_TAG", tag: TAG },
            { type: "REGISTER_WEBINAR", webinarId: ids.y },
          ],
        })
      ).id;
      const enabled = await enableRule({
        db: stack.db,
        accountId,
        ruleId: ids.rule,
        giveUpAfterMs: stack.config.registrations.giveUpAfterMs,
      });
      // Before X has taken place nobody is absent from it (nor has anybody attended).
      expect(enabled.matched).toBe(0);
    },
  });

  it("the list and the rule match nobody before X, then act on its attendance once a sync brings it", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto(`/lists/${ids.list}`);
    await page.getByRole("heading", { level: 1, name: /Attended Summer briefing/ }).waitFor();
    const members = page.getByRole("region", { name: "Members" });
    await members.getByText("Nobody matches the criteria yet").waitFor();
    expect(await members.getByRole("link", { name: /@/ }).count()).toBe(0);

    // X takes place in GoTo: its schedule moves two days back and one registrant joins it.
    const moved = await stack.sim.control.updateWebinar(keys.x, { startsInMinutes: -2 * DAY, durationMinutes: 45 });
    const start = Date.parse(moved.times[0]?.startTime ?? "");
    await stack.sim.control.join(keys.x, keys.attendee, {
      joinTime: new Date(start + 60_000).toISOString(),
      leaveTime: new Date(start + 40 * 60_000).toISOString(),
    });

    // The marketer syncs the connector: its discovery learns X's new times, and X's attendance
    // sync follows. A discovery already running when X moved may have read the old times, and a
    // Sync now then joins it instead of queuing another: sync again until X has moved.
    await page.goto("/connectors");
    const row = page.locator("tr", { hasText: "Marketing webinars" });
    await eventually(
      "X's new times",
      async () => {
        await row.getByRole("button", { name: "Sync now: Marketing webinars" }).click();
        await page
          .getByText(/Syncing Marketing webinars now\.|Marketing webinars is already being synced/)
          .first()
          .waitFor();
        return eventually(
          "the discovery",
          async () => (await stack.db.webinar.count({ where: { id: ids.x, endsAt: { lt: new Date() } } })) === 1,
          10_000,
        );
      },
      60_000,
    );
    await eventually(
      "X's attendance synced",
      async () => {
        const x = await stack.db.webinar.findUniqueOrThrow({ where: { id: ids.x } });
        const attended = await stack.db.webinarRegistration.count({ where: { webinarId: ids.x, attended: true } });
        if (x.attendanceSyncs > 0 && attended === 1) return true;
        throw new Error(
          `attendance syncs ${x.attendanceSyncs}, next due ${x.nextAttendanceSyncAt?.toISOString()}, ${attended} attended`,
        );
      },
      60_000,
    );

    // The list: the attendee joined by the incremental path, the absentee did not.
    await page.goto(`/lists/${ids.list}`);
    await eventually(
      "the attendee in the list",
      async () => {
        await page.reload();
        return appears(page.getByRole("region", { name: "Members" }).getByRole("link", { name: who.attendee }));
      },
      30_000,
    );
    expect(await members.getByRole("link", { name: who.absentee }).count()).toBe(0);
    await page
      .getByRole("region", { name: "Joined and left" })
      .getByRole("row", { name: new RegExp(`${who.attendee}.*Joined`) })
      .waitFor();
    await screenshot(page, "dynamic-list-after-later-sync");

    // The rule: one run, on the absentee, whose registration reached GoTo through the outbox.
    await page.goto(`/rules/${ids.rule}`);
    const log = await ruleLogOnceRegistered(page);
    const run = log.getByRole("row", { name: /Add a tag: done/ });
    await run.waitFor();
    // The log names the prospect by name; its link says which prospect it is.
    const absentee = await stack.db.prospect.findFirstOrThrow({ where: { email: who.absentee } });
    expect(await run.getByRole("link").first().getAttribute("href")).toBe(`/prospects/${absentee.id}`);
    expect(await log.getByRole("row").count()).toBe(2); // header + the one absentee
    await screenshot(page, "rule-log-after-later-sync");
    const inGoto = await stack.sim.control.registrants(keys.y);
    expect(inGoto.map((r) => r.email)).toEqual([who.absentee]);

    // The absentee's page: the tag, and the rule in the automation card; no list.
    await page.goto(`/prospects/${absentee.id}`);
    await page.getByText(TAG).first().waitFor();
    const absenteeCard = page.getByRole("region", { name: "Automation" });
    await absenteeCard.getByRole("link", { name: "Nurture Summer briefing absentees" }).waitFor();
    expect(await absenteeCard.getByRole("link", { name: "Attended Summer briefing" }).count()).toBe(0);
    // The rule's registration reads as the rule's, not as a form the absentee never filled in.
    const timeline = page.getByRole("region", { name: "Webinar activity" });
    await timeline.getByText("An automation rule registered them for").waitFor();
    expect(await timeline.getByText("Filled in a form to register for").count()).toBe(0);
    await screenshot(page, "prospect-automation-absentee");

    // The attendee's page: the list (member since the sync), and no rule ran on them, nor a tag.
    const attendee = await stack.db.prospect.findFirstOrThrow({ where: { email: who.attendee } });
    await page.goto(`/prospects/${attendee.id}`);
    const attendeeCard = page.getByRole("region", { name: "Automation" });
    await attendeeCard.getByRole("link", { name: "Attended Summer briefing" }).waitFor();
    await attendeeCard.getByText(/member since/).waitFor();
    expect(await attendeeCard.getByRole("link", { name: "Nurture Summer briefing absentees" }).count()).toBe(0);
    expect(await page.getByText(TAG).count()).toBe(0);
    await screenshot(page, "prospect-automation-attendee");
  });
});
