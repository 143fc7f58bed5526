import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { appears, eventually, logIn, screenshot, useStack } from "./harness";

const DAY = 24 * 60;

describe("connectors and the webinar reports", () => {
  const stack = useStack("e2econn", {
    async setup() {
      await stack.sim.control.scenario({
        webinars: [
          {
            subject: "Product tour (finished)",
            startsInMinutes: -3 * DAY,
            durationMinutes: 60,
            registrants: 12,
            attendanceRatio: 0.5,
            timeZone: "America/New_York",
          },
          {
            subject: "Quarterly roadmap",
            startsInMinutes: 9 * DAY,
            durationMinutes: 45,
            registrants: 4,
            timeZone: "Europe/Paris",
          },
        ],
      });
    },
  });

  it("adds a connector, verifies it on GoTo's consent page and shows its webinars after the sync", async () => {
    const organizer = await stack.sim.control.defaultOrganizer();
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.getByRole("link", { name: "Connectors" }).click();
    await page.getByRole("heading", { name: "No connectors yet" }).waitFor();

    await page.getByRole("button", { name: "Add connector" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Add a GoTo Webinar connector" });
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("Marketing webinars");
    await dialog.getByRole("textbox", { name: /Connector user/ }).fill(organizer.email);
    expect(await dialog.getByRole("switch", { name: /Create prospects/ }).isChecked()).toBe(true);
    // With no campaign yet, the dialog offers to create one.
    // Once the campaigns are loaded (read at once, the select could still be empty).
    await expect.poll(() => dialog.getByLabel("Campaign for created prospects").inputValue()).toBe("__new__");
    await dialog.getByRole("textbox", { name: "New campaign name" }).fill("GoTo Webinar sync");
    await dialog.getByRole("button", { name: "Create connector" }).click();

    const row = page.locator("tr", { hasText: "Marketing webinars" });
    await row.getByText("Unverified").waitFor();
    await row.getByText("GoTo Webinar sync").waitFor();

    // Verify: the browser goes to the stand-in's consent page and comes back with the result.
    await row.getByRole("button", { name: "Verify Marketing webinars" }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.sim.url));
    await page.getByRole("heading", { name: /Allow .* to access your GoTo Webinar account/ }).waitFor();
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL(/\/connectors\?verified=/);
    await page.getByText("Connector verified").waitFor();
    await row.getByText("Verified").waitFor();
    await row.getByText(organizer.email).first().waitFor();
    await screenshot(page, "connector-verified");

    // The sync brings the webinars: upcoming in one tab, finished (with attendance) in the other.
    await page.getByRole("link", { name: "Webinars" }).click();
    await eventually("the upcoming webinar in the report", async () => {
      await page.reload();
      return appears(page.getByRole("link", { name: "Quarterly roadmap", exact: true }));
    });
    const upcoming = page.locator("tr", { hasText: "Quarterly roadmap" });
    await upcoming.getByText("Marketing webinars").waitFor();
    // The webinar's own zone is shown alongside the viewer's time.
    await upcoming.getByText("(Europe/Paris)").waitFor();

    await page.getByRole("tab", { name: "Finished" }).click();
    await eventually(
      "attendance of the finished webinar",
      async () => {
        await page.reload();
        const cell = page.getByRole("link", { name: /attended for Product tour/ });
        return (await appears(cell)) && (await cell.textContent()) !== "0";
      },
      60_000,
    );
    await screenshot(page, "webinars-finished");
  });

  it("opens a finished webinar's absentees, exports them as CSV and tags two of them", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/reports/webinars?tab=finished");
    const absentLink = page.getByRole("link", { name: /absent for Product tour/ });
    const absentCount = Number(await absentLink.textContent());
    expect(absentCount).toBeGreaterThan(1);
    await absentLink.click();
    await page.waitForURL(/segment=absent/);
    expect(await page.getByRole("tab", { name: /Absent/ }).getAttribute("aria-selected")).toBe("true");
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(absentCount);

    // Sorting happens on the server and says so to screen readers.
    await page.getByRole("button", { name: "E-mail" }).click();
    await expect.poll(() => page.locator("th", { hasText: "E-mail" }).getAttribute("aria-sort")).toBe("descending");
    // The header changes at the click; the rows once the server's sorted page has arrived.
    const shownEmails = () => rows.locator("td:nth-child(2) a").allTextContents();
    await expect
      .poll(async () => {
        const shown = await shownEmails();
        // Natural order: person2 before person10, case aside.
        const natural = [...shown].sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" }));
        return shown.length === absentCount && shown.join() === natural.reverse().join();
      })
      .toBe(true);
    const emails = await shownEmails();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/absent\.csv$/);
    const csv = await readFile((await download.path()) as string, "utf8");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "Email,First name,Last name,Company,Status,Attended,Minutes attended,% of session,Questions asked,Poll answers,Survey answers,Registered at,Source",
    );
    expect(lines).toHaveLength(absentCount + 1);
    for (const email of emails) expect(csv).toContain(email);

    await page.getByRole("checkbox", { name: `Select ${emails[0]}` }).check();
    await page.getByRole("checkbox", { name: `Select ${emails[1]}` }).check();
    await page.getByText("2 selected").waitFor();
    await page.getByRole("button", { name: "Tag", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Tag prospects" });
    await dialog.getByRole("combobox", { name: "Tag", exact: true }).selectOption({ label: "+ New tag…" });
    await dialog.getByRole("textbox", { name: "New tag name" }).fill("Missed the tour");
    await dialog.getByRole("button", { name: "Apply tag" }).click();
    await page.getByText("Tagged 2 prospects “Missed the tour”").waitFor();
    await screenshot(page, "drilldown-absent-tagged");

    const tagged = await stack.db.prospectTag.findMany({
      where: { tag: { name: "Missed the tour" } },
      select: { prospect: { select: { email: true } } },
    });
    expect(tagged.map((t) => t.prospect.email).sort()).toEqual([emails[0], emails[1]].sort());

    await page.getByRole("link", { name: "Tags" }).click();
    await page.getByRole("link", { name: "Missed the tour" }).click();
    await page.locator("#members-title", { hasText: "Missed the tour" }).waitFor();
    await page.getByRole("link", { name: emails[0] as string }).waitFor();
  });

  it("shows a webinar page with registrations over time and attendance", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/reports/webinars?tab=finished");
    await page.getByRole("link", { name: "Product tour (finished)", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Product tour (finished)" }).waitFor();
    await page.getByRole("img", { name: /registrations over \d+ days/ }).waitFor();
    await page.getByRole("img", { name: /attended and \d+ absent/ }).waitFor();
    await screenshot(page, "webinar-page");
  });

  it("edits scoring rules and shows sync runs and queue health", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.getByRole("link", { name: "Scoring rules" }).click();
    const attended = page.getByRole("spinbutton", { name: "Points for Attended", exact: true });
    await attended.fill("40");
    await page.getByRole("button", { name: "Save rules" }).click();
    await page.getByText("Scoring rules saved").waitFor();
    const rule = await stack.db.scoringRule.findFirst({
      where: { accountId: stack.admin.accountId, activityType: "ATTENDED" },
    });
    expect(rule?.points).toBe(40);
    await screenshot(page, "scoring-rules");

    await page.getByRole("link", { name: "Sync activity" }).click();
    await page.getByRole("heading", { name: "Queue health" }).waitFor();
    await page.getByText("Healthy").first().waitFor();
    const runs = page.getByRole("table", { name: "Recent sync runs" });
    await runs.getByText("Backfill").first().waitFor();
    await runs.getByText("Marketing webinars").first().waitFor();
    // The backfill's GoTo requests show against the connector's budget, by what used them.
    const budget = page.getByRole("table", { name: "GoTo API requests per connector against GoTo's limit" });
    const row = budget.getByRole("row", { name: /Marketing webinars/ });
    await row.getByText(/Polls \d/).waitFor();
    await row.getByText(/Attendance \d/).waitFor();
    expect(await row.getByText(/\/ 36[,.\s\u202f]?000/).count()).toBeGreaterThan(0);
    await screenshot(page, "sync-activity");
  });

  it("adds a second connector by signing in as a new organizer on the consent page", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/connectors?add=1");
    const dialog = page.getByRole("dialog", { name: "Add a GoTo Webinar connector" });
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("Events team");
    await dialog.getByRole("textbox", { name: /Connector user/ }).fill("nina.events@example.com");
    await dialog.getByRole("button", { name: "Create connector" }).click();
    const row = page.locator("tr", { hasText: "Events team" });
    await row.getByRole("button", { name: "Verify Events team" }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.sim.url));
    // Nobody at the stand-in has this e-mail yet: the other-organizer option creates them.
    await page
      .getByRole("combobox", { name: "Sign in as" })
      .selectOption({ label: "Someone else: a new organizer (below)" });
    await page.getByRole("textbox", { name: "E-mail" }).fill("nina.events@example.com");
    await page.getByRole("textbox", { name: "First name" }).fill("Nina");
    await page.getByRole("textbox", { name: "Last name" }).fill("Events");
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL(/\/connectors\?verified=/);
    await row.getByText("Verified", { exact: true }).waitFor();
    await row.getByText("nina.events@example.com").first().waitFor();
    await page.locator("tr", { hasText: "Marketing webinars" }).getByText("Verified", { exact: true }).waitFor();
    await screenshot(page, "connector-second-organizer");

    const nina = (await stack.sim.control.organizers()).find((o) => o.email === "nina.events@example.com");
    const connectors = await stack.db.connector.findMany({
      where: { status: "VERIFIED" },
      orderBy: { createdAt: "asc" },
    });
    expect(connectors.map((c) => c.name)).toEqual(["Marketing webinars", "Events team"]);
    expect(connectors[1]?.organizerKey).toBe(nina?.organizerKey);
    expect(connectors[0]?.organizerKey).not.toBe(nina?.organizerKey);
  });
});
