// Segmentation end to end, as a marketer does it after a webinar: a synced finished webinar whose
// attendance is fixed (nobody attends by chance; one person joins), a dynamic list "attended X"
// built in the UI, and a rule "absent from X → tag + register for Y" previewed, turned on and seen
// taking effect in the app and in GoTo (the stand-in). One absentee is an excluded employee: hidden
// by the reports unless asked for, and never acted on.
import { readFile } from "node:fs/promises";
import { setExclusionRules } from "@gw/domain/exclusions";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { connectDefaultOrganizer, eventually, logIn, ruleLogOnceRegistered, screenshot, useStack } from "./harness";

/** The builder's live count once it describes these criteria (not an earlier, debounced state). */
async function livePreview(page: Page, status: string, count: string): Promise<void> {
  const output = page.locator(".criteria-preview");
  await output.getByText(`Prospects who ${status} webinar “Spring launch”`).waitFor();
  await output.getByTestId("match-count").filter({ hasText: count }).waitFor();
}

describe("segmentation: a dynamic list and an automation rule after a sync", () => {
  const who = { attendee: "", absentee: "", employee: "" };
  let webinarX = "";
  let webinarY = "";
  let replayKey = "";

  const stack = useStack("e2eseg", {
    async setup() {
      const seeded = await stack.sim.control.scenario({
        seed: 1515,
        webinars: [
          {
            subject: "Spring launch",
            startsInMinutes: -2 * 24 * 60,
            durationMinutes: 45,
            registrants: 3,
            attendanceRatio: 0,
          },
          { subject: "Spring launch replay", startsInMinutes: 7 * 24 * 60, durationMinutes: 45, registrants: 0 },
        ],
      });
      const [launch, replay] = seeded.webinars;
      if (!launch || !replay) throw new Error("the scenario made no webinars");
      replayKey = replay.webinarKey;
      const registrants = await stack.sim.control.registrants(launch.webinarKey);
      const [attendee, absentee, employee] = registrants;
      if (!attendee || !absentee || !employee) throw new Error("the scenario made too few registrants");
      Object.assign(who, { attendee: attendee.email, absentee: absentee.email, employee: employee.email });
      // Attendance is by ratio 0 plus one recorded join: the same people attend on every run.
      const start = Date.parse(launch.times[0]?.startTime ?? "");
      await stack.sim.control.join(launch.webinarKey, attendee.registrantKey, {
        joinTime: new Date(start + 60_000).toISOString(),
        leaveTime: new Date(start + 40 * 60_000).toISOString(),
      });
      await setExclusionRules({
        db: stack.db,
        accountId: stack.admin.accountId,
        rules: [{ kind: "EMAIL", value: employee.email }],
      });
      await connectDefaultOrganizer(stack, "Marketing webinars");
      await eventually(
        "the finished webinar's attendance",
        async () =>
          (await stack.db.webinar.count({ where: { subject: "Spring launch", attendanceSyncs: { gt: 0 } } })) === 1 &&
          (await stack.db.webinarRegistration.count({ where: { attended: true } })) === 1,
        60_000,
      );
      webinarX = (await stack.db.webinar.findFirstOrThrow({ where: { subject: "Spring launch" } })).id;
      webinarY = (await stack.db.webinar.findFirstOrThrow({ where: { subject: "Spring launch replay" } })).id;
    },
  });

  it("builds a dynamic list 'attended X' with its live count, then shows members, history, CSV and a snapshot", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/lists");
    await page.getByRole("link", { name: "New dynamic list" }).click();
    await page.waitForURL(/\/lists\/new$/);
    await page.getByRole("textbox", { name: "Name" }).fill("Attended Spring launch");
    await page.getByRole("combobox", { name: "Status in condition 1" }).selectOption("attended");
    await page.getByRole("combobox", { name: "Webinar in condition 1" }).selectOption(webinarX);
    await livePreview(page, "attended", "1 prospect matches now");
    await screenshot(page, "dynamic-list-new");
    await page.getByRole("button", { name: "Create dynamic list" }).click();
    await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/);
    const listUrl = page.url();

    await page.getByRole("heading", { level: 1, name: /Attended Spring launch/ }).waitFor();
    await page
      .getByText(/attended .*Spring launch/)
      .first()
      .waitFor();
    const members = page.getByRole("region", { name: "Members" });
    await members.getByRole("link", { name: who.attendee }).waitFor();
    expect(await members.getByRole("link", { name: who.absentee }).count()).toBe(0);
    const changes = page.getByRole("region", { name: "Joined and left" });
    await changes.getByRole("row", { name: new RegExp(`${who.attendee}.*Joined`) }).waitFor();
    const history = page.getByRole("region", { name: "Count history" });
    await history.getByRole("img", { name: /Members over the last 30 days: from \d+ to 1/ }).waitFor();
    await screenshot(page, "dynamic-list");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    const csv = await readFile((await download.path()) as string, "utf8");
    expect(csv).toContain(who.attendee);
    expect(csv).not.toContain(who.absentee);

    await page.getByRole("button", { name: "Re-evaluate now" }).click();
    await page.getByText("Re-evaluated: 0 joined, 0 left, 1 members now.").waitFor();

    await page.getByRole("button", { name: "Snapshot to a static list" }).click();
    await page.getByRole("textbox", { name: "Name of the static list" }).fill("Spring launch attendees, frozen");
    await page.getByRole("button", { name: "Make static list" }).click();
    await page.getByRole("link", { name: /Open “Spring launch attendees, frozen” \(1 members\)/ }).click();
    await page.waitForURL((url) => url.href !== listUrl);
    // A snapshot is static: the shared list page with its members, each removable.
    await page.getByRole("button", { name: `Remove ${who.attendee}` }).click();
    await page.getByText(`${who.attendee} removed from “Spring launch attendees, frozen”.`).waitFor();
    // The change refetches the members and the lists' counts without a reload.
    await page.getByRole("heading", { name: "Nobody here yet" }).waitFor();

    // Editing the criteria re-evaluates: now the absentee (the excluded employee never joins).
    await page.goto(listUrl);
    await page.getByRole("link", { name: "Edit criteria" }).click();
    // A condition the API refuses: its 400 is shown against the condition, and nothing is saved.
    await page.getByRole("combobox", { name: "Type of condition 1" }).selectOption("score");
    await page.getByRole("spinbutton", { name: "Score in condition 1" }).fill("");
    await page
      .getByRole("alert")
      .filter({ hasText: "This condition needs fixing" })
      .getByText(/^Condition 1/)
      .waitFor();
    await page.getByRole("button", { name: "Save and re-evaluate" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "The list was not saved" })
      .getByText(/^Condition 1/)
      .waitFor();
    expect(page.url()).toMatch(/\/edit$/);
    await page.getByRole("combobox", { name: "Type of condition 1" }).selectOption("webinarStatus");
    await page.getByRole("combobox", { name: "Which webinars in condition 1" }).selectOption("webinarId");
    await page.getByRole("combobox", { name: "Webinar in condition 1" }).selectOption(webinarX);
    await page.getByRole("combobox", { name: "Status in condition 1" }).selectOption("absent");
    await livePreview(page, "were absent from", "1 prospect matches now");
    await page.getByRole("button", { name: "Save and re-evaluate" }).click();
    await page.waitForURL(listUrl);
    await page.getByRole("region", { name: "Members" }).getByRole("link", { name: who.absentee }).waitFor();
    await page
      .getByRole("region", { name: "Joined and left" })
      .getByRole("row", { name: new RegExp(`${who.attendee}.*Left`) })
      .waitFor();
    expect(await page.getByRole("region", { name: "Members" }).getByRole("link", { name: who.employee }).count()).toBe(
      0,
    );
  });

  it("shows filtered prospects in the drill-down only when switched on, kept in the URL and the CSV link", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto(`/reports/webinars/${webinarX}/prospects?segment=absent`);
    const table = page.getByRole("table", { name: "Absent prospects" });
    await table.getByRole("link", { name: who.absentee }).waitFor();
    expect(await table.getByRole("link", { name: who.employee }).count()).toBe(0);
    // The tab counts what it lists: the filtered employee joins its count only when shown.
    const absentTab = page.getByRole("tab", { name: /^Absent/ });
    const tabCount = async () => Number((await absentTab.textContent())?.replace(/\D/g, ""));
    const hidden = await tabCount();
    expect(hidden).toBe(await table.getByRole("link", { name: /@/ }).count());
    const toggle = page.getByRole("switch", { name: /Show filtered prospects/ });
    expect(await toggle.isChecked()).toBe(false);
    // The drawn track covers the checkbox: click the switch's label, as a person does.
    await page.getByText("Show filtered prospects", { exact: true }).click();
    await table.getByRole("link", { name: who.employee }).waitFor();
    await table.getByRole("row", { name: new RegExp(`${who.employee}.*Filtered`) }).waitFor();
    await page.getByRole("tab", { name: `Absent ${hidden + 1}` }).waitFor();
    expect(page.url()).toContain("includeFiltered=true");
    await page.reload();
    await page.getByRole("table", { name: "Absent prospects" }).getByRole("link", { name: who.employee }).waitFor();
    expect(await page.getByRole("switch", { name: /Show filtered prospects/ }).isChecked()).toBe(true);
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toContain("includeFiltered=true");
    await screenshot(page, "drilldown-filtered-shown");
  });

  it("previews a rule 'absent from X → tag + register for Y + send an event', turns it on, and the absentee is tagged and registered in GoTo", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/rules/new");
    await page.getByRole("textbox", { name: "Name" }).fill("Nurture Spring launch absentees");
    // A new rule's first condition names a webinar from the start, as a new list's does (the draft
    // waits for the webinars instead of starting as "any webinar").
    expect(await page.getByRole("combobox", { name: "Which webinars in condition 1" }).inputValue()).toBe("webinarId");
    await page.getByRole("combobox", { name: "Status in condition 1" }).selectOption("absent");
    await page.getByRole("combobox", { name: "Which webinars in condition 1" }).selectOption("webinarId");
    await page.getByRole("combobox", { name: "Webinar in condition 1" }).selectOption(webinarX);
    await livePreview(page, "were absent from", "1 prospect matches now");
    await page.getByRole("textbox", { name: "Tag in action 1" }).fill("missed-spring-launch");
    await page.getByRole("button", { name: "Add action" }).click();
    await page.getByRole("combobox", { name: "Type of action 2" }).selectOption("REGISTER_WEBINAR");
    await page.getByRole("combobox", { name: "Webinar in action 2" }).selectOption(webinarY);
    await page.getByRole("button", { name: "Add action" }).click();
    await page.getByRole("combobox", { name: "Type of action 3" }).selectOption("EMIT_EVENT");
    await page.getByText("rule.matched", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Save as draft" }).click();
    await page.waitForURL(/\/rules\/[0-9a-f-]{36}$/);

    const controls = page.getByRole("region", { name: "Preview and switch" });
    await controls.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByTestId("rule-preview");
    await preview.getByText(/1\s+prospects match now; turning the rule on would run it on\s+1/).waitFor();
    await preview.getByText(who.absentee).waitFor();
    await controls.getByRole("button", { name: "Turn on" }).click();
    await page.getByText(/turned on: ran on 1 of 1 matching prospects/).waitFor();

    // The registration goes through the outbox to GoTo: the log says so once it has landed.
    const log = await ruleLogOnceRegistered(page);
    await log.getByRole("row", { name: /Add a tag: done.*Send an event to your endpoints: done/ }).waitFor();
    expect(await log.getByRole("row").count()).toBe(2); // header + the one absentee
    await screenshot(page, "rule-flow-log");

    const inGoto = await stack.sim.control.registrants(replayKey);
    expect(inGoto.map((r) => r.email)).toEqual([who.absentee]);

    const absentee = await stack.db.prospect.findFirstOrThrow({ where: { email: who.absentee } });
    await page.goto(`/prospects/${absentee.id}`);
    await page.getByText("missed-spring-launch").first().waitFor();
    const employee = await stack.db.prospect.findFirstOrThrow({ where: { email: who.employee } });
    expect(await stack.db.prospectTag.count({ where: { prospectId: employee.id } })).toBe(0);
  });
});
