import { describe, expect, it } from "vitest";
import { eventually, logIn, screenshot, useStack } from "./harness";

const DAY = 24 * 60;

describe("sync feedback: progress, Sync now, errors in plain words", () => {
  const stack = useStack("e2esync", {
    async setup() {
      await stack.sim.control.scenario({
        webinars: [
          { subject: "Spring launch (finished)", startsInMinutes: -5 * DAY, durationMinutes: 60, registrants: 6 },
          { subject: "Roadmap briefing", startsInMinutes: 4 * DAY, durationMinutes: 45, registrants: 3 },
          { subject: "Customer panel", startsInMinutes: 12 * DAY, durationMinutes: 45, registrants: 2 },
        ],
      });
    },
  });

  it("shows the initial sync's progress refreshing by itself, then the last and next sync; Sync now queues a sync", async () => {
    const organizer = await stack.sim.control.defaultOrganizer();
    // GoTo answers registrant lists slowly, so the initial sync is still running when the page opens.
    await stack.sim.control.addFault({ path: "/registrants", type: "slow", delayMs: 2_500, count: 3 });

    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/connectors?add=1");
    const dialog = page.getByRole("dialog", { name: "Add a GoTo Webinar connector" });
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("Marketing webinars");
    await dialog.getByRole("textbox", { name: /Connector user/ }).fill(organizer.email);
    await dialog.getByRole("textbox", { name: "New campaign name" }).fill("GoTo Webinar sync");
    await dialog.getByRole("button", { name: "Create connector" }).click();
    const row = page.locator("tr", { hasText: "Marketing webinars" });
    await row.getByRole("button", { name: "Verify Marketing webinars" }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL(/\/connectors\?verified=/);
    await page.getByText("Its initial sync runs now").waitFor();

    const cell = row.locator("[data-sync-state]");
    await row.locator("[data-sync-state='initial']").waitFor();
    await row.getByText("Initial sync in progress").waitFor();
    await row.getByText(/registrants so far/).waitFor();
    await screenshot(page, "connector-syncing");

    // No reload: the page polls until the sync is done, then shows when it synced and syncs next.
    await row.locator("[data-sync-state='idle']").waitFor({ timeout: 90_000 });
    const text = await cell.textContent();
    expect(text).not.toMatch(/Never|Not yet/);
    expect(text).toMatch(/ago|just now/);
    expect(text).toMatch(/Next: (in |due now)/);
    await row.getByText("3 webinars · 11 registrants").waitFor();
    await screenshot(page, "connector-synced");

    const connector = await stack.db.connector.findFirstOrThrow({ where: { name: "Marketing webinars" } });
    const runsBefore = await stack.db.syncRun.count({
      where: { connectorId: connector.id, kind: "DISCOVERY", status: "SUCCEEDED" },
    });
    await row.getByRole("button", { name: "Sync now: Marketing webinars" }).click();
    // The scheduler's own discovery may be waiting already: then it is not queued twice.
    await page.getByText(/Syncing Marketing webinars now\.|Marketing webinars is already being synced/).waitFor();
    await eventually(
      "the discovery Sync now queued",
      async () =>
        (await stack.db.syncRun.count({
          where: { connectorId: connector.id, kind: "DISCOVERY", status: "SUCCEEDED" },
        })) > runsBefore,
      60_000,
    );

    // A webinar's own Sync now, and its last and next sync.
    await page.goto("/reports/webinars");
    await page.getByRole("link", { name: "Roadmap briefing", exact: true }).click();
    await page
      .getByTestId("webinar-sync")
      .getByText(/Synced .*(ago|just now)/)
      .waitFor();
    // And when it syncs next: a webinar four days out is polled again within the hour.
    expect(await page.getByTestId("webinar-sync").textContent()).toMatch(/· next (in \d+ (minutes?|hours?)|due now)$/);
    await page.getByRole("button", { name: "Sync now: Roadmap briefing" }).click();
    await page.getByText(/Syncing Roadmap briefing now\.|Roadmap briefing is already being synced/).waitFor();
    await screenshot(page, "webinar-sync-now");

    // Sync activity names each run's webinar.
    await page.goto("/sync");
    await page.getByRole("link", { name: "Roadmap briefing" }).first().waitFor();
    expect(await page.getByText("Open the webinar").count()).toBe(0);
  });

  it("puts a banner on every page, in plain words, when GoTo refuses the connector", async () => {
    const organizer = await stack.sim.control.defaultOrganizer();
    await stack.sim.control.revokeTokens({ organizerKey: organizer.organizerKey, accessTokens: true });
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/connectors");
    const row = page.locator("tr", { hasText: "Marketing webinars" });
    await row.getByRole("button", { name: "Sync now: Marketing webinars" }).click();
    // The sync finds its access refused; the row turns to error without a reload.
    await row.getByText("GoTo refused the connection: the organizer revoked access.").waitFor({ timeout: 60_000 });

    for (const path of ["/", "/reports/webinars", "/prospects"]) {
      await page.goto(path);
      const banner = page.getByTestId("connector-problem-banner");
      await banner.getByText("Connector “Marketing webinars” has stopped syncing").waitFor();
      await banner.getByText("GoTo refused the connection: the organizer revoked access. Verify again.").waitFor();
      expect(await banner.textContent()).not.toMatch(/DomainError|invalid_grant/);
    }
    await screenshot(page, "connector-error-banner");
    await page.getByRole("link", { name: "Open Connectors" }).click();
    await page.waitForURL(/\/connectors$/);
  });

  it('says when a connector whose syncs only ever failed last tried, not "Never"', async () => {
    const connector = await stack.db.connector.create({
      data: {
        accountId: stack.admin.accountId,
        name: "Events team",
        connectorUserEmail: "events@example.com",
        status: "ERROR",
        lastError: "GoTo refused to renew access (invalid_grant): refresh token revoked.",
        lastErrorAt: new Date(),
      },
    });
    await stack.db.syncRun.create({
      data: {
        accountId: stack.admin.accountId,
        connectorId: connector.id,
        kind: "DISCOVERY",
        status: "FAILED",
        startedAt: new Date(Date.now() - 4 * 60_000),
        finishedAt: new Date(Date.now() - 3 * 60_000),
      },
    });
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/connectors");
    const row = page.locator("tr", { hasText: "Events team" });
    await row.getByText("Failed 3 minutes ago").waitFor();
    expect(await row.getByText("Never").count()).toBe(0);
  });
});
