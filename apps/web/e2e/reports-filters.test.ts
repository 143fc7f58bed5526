import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { connectDefaultOrganizer, eventually, logIn, type Stack, screenshot, useStack } from "./harness";

const DAY = 24 * 60;

/** The report's own numbers, read from Postgres: what every view of it must agree with. */
async function countsOf(stack: Stack, subject: string) {
  const webinar = await stack.db.webinar.findFirstOrThrow({ where: { subject } });
  const standing = { webinarId: webinar.id, status: { not: "CANCELLED" as const } };
  const registered = await stack.db.webinarRegistration.count({ where: standing });
  const attended = await stack.db.webinarRegistration.count({ where: { ...standing, attended: true } });
  return { registered, attended, absent: registered - attended };
}

// The machine is shared: give the server's answer time to arrive, still waiting for state, not time.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });
const rowsOf = (page: Page) => page.getByRole("table", { name: "Finished webinars" }).locator("tbody tr");
const subjectsShown = (page: Page) =>
  page.getByRole("table", { name: "Finished webinars" }).locator("tbody tr a.cell-title").allTextContents();

describe("the webinars report's filters, summary CSV and trend; the drill-down's order and labels", () => {
  const stack = useStack("e2ereports", {
    async setup() {
      // Seeded: who attends is the same every run, and the MANUAL webinar has waiting registrants.
      await stack.sim.control.scenario({
        seed: 18,
        webinars: [
          { subject: "Spring launch", startsInMinutes: -60 * DAY, durationMinutes: 60, registrants: 6 },
          {
            subject: "Pricing clinic",
            startsInMinutes: -12 * DAY,
            durationMinutes: 45,
            registrants: 12,
            attendanceRatio: 0.5,
            approvalType: "MANUAL",
          },
          { subject: "Onboarding basics", startsInMinutes: -3 * DAY, durationMinutes: 30, registrants: 5 },
          { subject: "Roadmap preview", startsInMinutes: 9 * DAY, durationMinutes: 45, registrants: 3 },
        ],
      });
      await connectDefaultOrganizer(stack, "Marketing webinars");
      await eventually(
        "attendance of the three finished webinars",
        async () => (await stack.db.webinar.count({ where: { attendanceSyncs: { gte: 1 } } })) === 3,
        60_000,
      );
    },
  });

  it("filters by dates and title, sorts by Absent, exports the summary and draws the trend", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/reports/webinars?tab=finished");
    await poll(() => subjectsShown(page)).toEqual(["Onboarding basics", "Pricing clinic", "Spring launch"]);
    const trend = page.getByRole("region", { name: "Attendance trend" });
    await trend.getByRole("img", { name: /Attendance across webinars: 3 webinars/ }).waitFor();

    // A preset: the last 30 days leave the spring launch out, in the table, the URL and the trend.
    await page.getByRole("button", { name: "Last 30 days" }).click();
    await poll(() => subjectsShown(page)).toEqual(["Onboarding basics", "Pricing clinic"]);
    expect(await page.getByRole("button", { name: "Last 30 days" }).getAttribute("aria-pressed")).toBe("true");
    expect(new URL(page.url()).searchParams.get("from")).toMatch(/^\d{4}-\d\d-\d\d$/);
    await trend.getByRole("img", { name: /Attendance across webinars: 2 webinars/ }).waitFor();

    // The trend's numbers as a table, equal to the report's own counts.
    await trend.getByText("Show the numbers as a table").click();
    const pricing = await countsOf(stack, "Pricing clinic");
    const trendRow = trend.getByRole("row", { name: /Pricing clinic/ });
    await poll(() => trendRow.locator("td").allTextContents()).toEqual([
      "Pricing clinic",
      expect.any(String),
      String(pricing.registered),
      String(pricing.attended),
      String(pricing.absent),
      `${Math.round((pricing.attended / pricing.registered) * 100)}%`,
    ]);
    await screenshot(page, "reports-range-trend");

    // Dates typed by hand: a reversed range is refused in words and the table keeps the last good one.
    await page.getByLabel("Starting from").fill("2030-01-10");
    await page.getByLabel("Until").fill("2030-01-01");
    await page.getByText("The end is before the start.").waitFor();
    expect(await subjectsShown(page)).toEqual(["Onboarding basics", "Pricing clinic"]);
    await page.getByRole("button", { name: "All dates" }).click();
    await poll(() => subjectsShown(page)).toHaveLength(3);

    // Sortable Absent column, on the server.
    const spring = await countsOf(stack, "Spring launch");
    const onboarding = await countsOf(stack, "Onboarding basics");
    const byAbsent = [
      { s: "Onboarding basics", n: onboarding.absent, t: 3 },
      { s: "Pricing clinic", n: pricing.absent, t: 12 },
      { s: "Spring launch", n: spring.absent, t: 60 },
    ].sort((a, b) => b.n - a.n || a.t - b.t);
    const report = page.getByRole("table", { name: "Finished webinars" });
    await report.getByRole("button", { name: "Absent" }).click();
    await poll(() => report.getByRole("columnheader", { name: "Absent" }).getAttribute("aria-sort")).toBe("descending");
    await poll(() => subjectsShown(page)).toEqual(byAbsent.map((r) => r.s));

    // Search by title, then the summary CSV of exactly what is shown.
    await page.getByRole("searchbox", { name: "Search webinars by subject" }).fill("clinic");
    await poll(() => subjectsShown(page)).toEqual(["Pricing clinic"]);
    expect(await rowsOf(page).count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("webinars-finished.csv");
    const lines = (await readFile((await download.path()) as string, "utf8"))
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      "Webinar,Series,Starts at,Ends at,Time zone,Status,Connector,Registered,Attended,Absent,Attendance rate (%)",
    );
    expect(lines).toHaveLength(2);
    const cells = (lines[1] as string).split(",");
    expect([cells[0], cells[5], cells[6], cells[7], cells[8], cells[9]]).toEqual([
      "Pricing clinic",
      "Finished",
      "Marketing webinars",
      String(pricing.registered),
      String(pricing.attended),
      String(pricing.absent),
    ]);
  });

  it("sorts a drill-down's e-mails naturally, labels statuses as the page does and hides minutes for absentees", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    const webinar = await stack.db.webinar.findFirstOrThrow({ where: { subject: "Pricing clinic" } });
    await page.goto(`/reports/webinars/${webinar.id}/prospects?segment=registered`);
    const table = page.getByRole("table");
    const emails = () => table.locator("tbody tr td:nth-child(2) a").allTextContents();
    const pricing = await countsOf(stack, "Pricing clinic");
    await poll(async () => (await emails()).length).toBe(pricing.registered);
    // person2.2 before person10.2: numbers compare as numbers.
    const shown = await emails();
    expect(shown).toEqual([...shown].sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" })));
    expect(shown.indexOf("person2.2@example.com")).toBeLessThan(shown.indexOf("person10.2@example.com"));
    await table.getByRole("columnheader", { name: /Minutes attended/ }).waitFor();

    const waiting = await stack.db.webinarRegistration.count({ where: { webinarId: webinar.id, status: "WAITING" } });
    expect(waiting).toBeGreaterThan(0);
    expect(await table.getByText("Waiting", { exact: true }).count()).toBe(waiting);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const csv = await readFile((await download.path()) as string, "utf8");
    const rows = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/)
      .slice(1);
    expect(rows.map((r) => r.split(",")[0])).toEqual(shown);
    expect(rows.filter((r) => r.split(",")[4] === "Waiting")).toHaveLength(waiting);
    expect(rows.some((r) => /,(APPROVED|WAITING),/.test(r))).toBe(false);

    await page.getByRole("tab", { name: /Absent/ }).click();
    await page.waitForURL(/segment=absent/);
    await poll(async () => (await emails()).length).toBe(pricing.absent);
    await screenshot(page, "drilldown-absent-no-minutes");
    expect(await table.getByRole("columnheader", { name: /Minutes attended/ }).count()).toBe(0);
    expect(await table.getByRole("columnheader", { name: /% of session/ }).count()).toBe(0);
  });

  it("fits a phone: no sideways scroll on the filtered report", async () => {
    const page = await stack.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, stack);
    await page.goto("/reports/webinars?tab=finished");
    await page.getByRole("button", { name: "Last 90 days" }).click();
    await page.getByRole("region", { name: "Attendance trend" }).getByRole("img").waitFor();
    const widths = await page.evaluate(() => {
      const doc = (
        globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
      ).document.documentElement;
      return { scroll: doc.scrollWidth, client: doc.clientWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await screenshot(page, "reports-phone");
  });
});
