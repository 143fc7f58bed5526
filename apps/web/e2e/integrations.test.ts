// The integration admin pages: outbound endpoints (secret shown once, a real delivery to a local
// receiver verifying signatures, test event, failure and replay, rotate, disable, delete), API
// tokens (shown once, used, revoked), the settings of form registrations, and the webinar page's
// registrations by source leading to the filtered drill-down. Each page also on a phone and
// under axe in its filled state.
import { recordChangeEvents } from "@gw/domain/events";
import {
  createCampaign,
  createProspect,
  createRegistration,
  startWebhookReceiver,
  type WebhookReceiver,
} from "@gw/testing";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "./axe";
import { createFinishedWebinar, eventually, logIn, PHONE, screenshot, sidewaysOverflow, useStack } from "./harness";

describe("integration admin pages", () => {
  let receiver: WebhookReceiver;
  let secret = "";
  const stack = useStack("e2einteg", {
    env: {
      OUTBOUND_ALLOW_PRIVATE_URLS: "true",
      OUTBOUND_FAN_OUT_EVERY_MS: "200",
      OUTBOUND_SWEEP_EVERY_MS: "500",
      OUTBOUND_RETRY_BASE_MS: "50",
      OUTBOUND_RETRY_MAX_MS: "100",
      // About a second: a delivery the receiver refuses becomes FAILED within the test.
      OUTBOUND_RETRY_HOURS: "0.0003",
    },
    async setup() {
      receiver = await startWebhookReceiver(() => secret);
    },
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const registered = async (n: number) => {
    await recordChangeEvents({
      db: stack.db,
      events: [{ accountId: stack.admin.accountId, type: "participation.registered", data: { n } }],
    });
  };
  /** Waits for the delivery log to show `text` in a row, refreshing it as a person would. */
  const logShows = async (page: Page, row: RegExp) => {
    const log = page.getByRole("region", { name: "Delivery log" });
    await eventually(`a delivery row ${row}`, async () => {
      await log.getByRole("button", { name: "Refresh the delivery log" }).click();
      return (await log.getByRole("row", { name: row }).count()) > 0;
    });
    return log;
  };

  it("adds an endpoint (secret shown once), delivers a real event, tests, replays failures, rotates, disables and deletes", async () => {
    const page = await stack.newPage();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await logIn(page, stack);
    await page.getByRole("link", { name: "Outbound events" }).click();
    await page.getByRole("heading", { name: "No endpoints yet" }).waitFor();

    await page.getByRole("button", { name: "Add endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Add endpoint" });
    await dialog.getByRole("textbox", { name: /^URL/ }).fill("not a url");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await dialog.getByText(/is not a URL/).waitFor();
    await dialog.getByRole("textbox", { name: /^URL/ }).fill(receiver.url);
    await dialog.getByRole("textbox", { name: "Description" }).fill("CRM");
    await dialog.getByRole("radio", { name: "Only the types I pick" }).check();
    await dialog.getByRole("checkbox", { name: /Registered for a webinar/ }).check();
    await dialog.getByRole("button", { name: "Add endpoint" }).click();

    const secretBox = page.getByRole("textbox", { name: "Signing secret" });
    await secretBox.waitFor();
    secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByText("Copy the signing secret now: it is not shown again").waitFor();
    await page.getByRole("button", { name: "Copy signing secret" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
    ).toBe(secret);
    await screenshot(page, "endpoints-secret-once");
    await page.getByRole("button", { name: "Done" }).click();
    await page.reload();
    const list = page.getByRole("region", { name: "Endpoints" });
    await list.getByRole("link", { name: "CRM" }).waitFor();
    expect(await list.getByRole("row", { name: /CRM.*Registered for a webinar.*Enabled/ }).count()).toBe(1);
    expect(await page.content()).not.toContain(secret);

    await list.getByRole("link", { name: "CRM" }).click();
    await page.getByRole("heading", { level: 1, name: "CRM" }).waitFor();
    await page.getByRole("button", { name: "Send test event" }).click();
    await page.getByText(/The receiver answered HTTP 204 in \d+ ms/).waitFor();
    expect(receiver.received.some((e) => e.type === "endpoint.test")).toBe(true);

    // A real event through the outbox, verified by the receiver, shows in the log.
    await registered(1);
    await receiver.waitFor(() => receiver.received.some((e) => e.type === "participation.registered"));
    const first = receiver.received.find((e) => e.type === "participation.registered");
    const log = await logShows(page, new RegExp(`Registered for a webinar.*${first?.id}.*Delivered.*HTTP 204`));

    // The receiver fails: the delivery is retried, then FAILED; replay sends it again (same id).
    receiver.failAll(true);
    await registered(2);
    await logShows(page, /Failed.*HTTP 500: receiver down/);
    const failedRow = log.getByRole("row", { name: /Failed/ });
    const failedId = /evt_\d+/.exec((await failedRow.textContent()) ?? "")?.[0];
    expect(failedId).toBeDefined();
    await screenshot(page, "endpoint-delivery-failed");
    receiver.failAll(false);
    await failedRow.getByRole("button", { name: /^Replay/ }).click();
    await page.getByText("1 delivery queued again.").waitFor();
    await receiver.waitFor(() => receiver.received.some((e) => e.id === failedId));
    await logShows(page, new RegExp(`${failedId}.*Delivered`));

    // Two more failures, then "Replay all failed" sends both, in order.
    receiver.failAll(true);
    await registered(3);
    await registered(4);
    await eventually("two failed deliveries", async () => {
      await log.getByRole("button", { name: "Refresh the delivery log" }).click();
      return (await log.getByRole("row", { name: /Failed/ }).count()) === 2;
    });
    receiver.failAll(false);
    const before = receiver.received.length;
    await log.getByRole("button", { name: "Replay all failed" }).click();
    await page.getByText("2 deliveries queued again.").waitFor();
    await receiver.waitFor(() => receiver.received.length >= before + 2);
    expect(receiver.received.slice(before).map((e) => e.payload.data.details)).toEqual([{ n: 3 }, { n: 4 }]);
    await logShows(page, /Delivered/);
    await screenshot(page, "endpoint-delivery-log");
    expect(await audit(page, "endpoint with delivery log")).toEqual([]);

    // Rotating: the new secret is shown once and signs what follows.
    await page.getByRole("button", { name: "Rotate secret" }).click();
    await page
      .getByRole("dialog", { name: "Rotate the signing secret?" })
      .getByRole("button", { name: "Rotate secret" })
      .click();
    const rotated = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    const rejectedBefore = receiver.rejected;
    await page.getByRole("button", { name: "Send test event" }).click();
    await page.getByText(/Test event failed/).waitFor();
    expect(receiver.rejected).toBe(rejectedBefore + 1);
    secret = rotated;
    await page.getByRole("button", { name: "Send test event" }).click();
    await page.getByText(/The receiver answered HTTP 204/).waitFor();
    await page.getByRole("button", { name: "Done" }).click();

    // Edit, then disable: the notice says why on the endpoint and on the list.
    await page.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit endpoint" });
    await edit.getByRole("textbox", { name: "Description" }).fill("CRM production");
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await page.getByRole("heading", { level: 1, name: "CRM production" }).waitFor();
    await page.getByRole("button", { name: "Disable" }).click();
    await page.getByText("This endpoint is disabled").waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbound events" }).click();
    await page.getByText("CRM production is disabled").waitFor();
    await page.getByText("Disabled by an admin.").waitFor();
    await screenshot(page, "endpoints-disabled-notice");
    expect(await audit(page, "endpoints with a disabled one")).toEqual([]);

    const phone = await stack.newPage();
    await phone.setViewportSize(PHONE);
    await logIn(phone, stack);
    await phone.goto(page.url());
    await phone.getByRole("link", { name: "CRM production" }).click();
    await phone.getByRole("region", { name: "Delivery log" }).getByRole("table").waitFor();
    expect(await sidewaysOverflow(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, "phone-endpoint");

    await page.getByRole("link", { name: "CRM production" }).click();
    await page.getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete this endpoint?" })
      .getByRole("button", { name: "Delete endpoint" })
      .click();
    await page.getByRole("heading", { name: "No endpoints yet" }).waitFor();
    expect(await stack.db.outboundEndpoint.count()).toBe(0);
  });

  it("creates an API token shown once, which works until it is revoked", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.getByRole("link", { name: "API tokens" }).click();
    await page.getByRole("heading", { name: "No API tokens yet" }).waitFor();
    await page.getByRole("textbox", { name: /^Name/ }).fill("Data warehouse");
    await page.getByRole("checkbox", { name: /Write/ }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const tokenBox = page.getByRole("textbox", { name: "API token" });
    await tokenBox.waitFor();
    const token = await tokenBox.inputValue();
    const call = () => fetch(`${stack.url}/api/reports/webinars`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);
    await screenshot(page, "api-token-once");
    await page.getByRole("button", { name: "Done" }).click();
    await page.reload();
    const tokens = page.getByRole("region", { name: "Tokens" });
    const row = tokens.getByRole("row", { name: /Data warehouse/ });
    await row.waitFor();
    expect(await row.textContent()).not.toContain("Never");
    expect(await page.content()).not.toContain(token);
    expect(await audit(page, "api tokens")).toEqual([]);

    const phone = await stack.newPage();
    await phone.setViewportSize(PHONE);
    await logIn(phone, stack);
    await phone.goto("/integrations/tokens");
    await phone.getByRole("row", { name: /Data warehouse/ }).waitFor();
    expect(await sidewaysOverflow(phone)).toBeLessThanOrEqual(0);

    await row.getByRole("button", { name: "Revoke Data warehouse" }).click();
    await page
      .getByRole("dialog", { name: /Revoke “Data warehouse”/ })
      .getByRole("button", { name: "Revoke token" })
      .click();
    await tokens.getByText(/Revoked/).waitFor();
    expect((await call()).status).toBe(401);
  });

  it("saves the registrant source template (the API's refusal shown) and the default campaign", async () => {
    await createCampaign(stack.db, { accountId: stack.admin.accountId, name: "Spring events" });
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.getByRole("link", { name: "Settings" }).click();
    const card = page.getByRole("region", { name: "Registrant source" });
    const template = card.getByRole("textbox", { name: "Source template" });
    await expect.poll(() => template.inputValue()).toBe("{utm_source} / {utm_campaign}");
    await card.getByText("{referrer_host}").waitFor();
    await template.fill("{utm_bogus}");
    await card.getByRole("button", { name: "Save template" }).click();
    await card.getByText(/^Unknown placeholder \{utm_bogus\}; use \{utm_source\}/).waitFor();
    await screenshot(page, "settings-template-refused");
    await template.fill("{utm_source} - {utm_medium}");
    await card.getByRole("button", { name: "Save template" }).click();
    await page.getByText("Source template saved.").waitFor();

    const campaign = page.getByRole("region", { name: "Default campaign" });
    await campaign.getByRole("combobox", { name: "Campaign" }).selectOption({ label: "Spring events" });
    await campaign.getByRole("button", { name: "Save campaign" }).click();
    await page.getByText("New prospects join “Spring events”.").waitFor();

    await page.reload();
    await expect.poll(() => template.inputValue()).toBe("{utm_source} - {utm_medium}");
    const chosen = campaign.getByRole("combobox", { name: "Campaign" });
    await expect
      .poll(async () =>
        chosen.evaluate((el) => (el as unknown as { selectedOptions: { label: string }[] }).selectedOptions[0]?.label),
      )
      .toBe("Spring events");
    expect(await audit(page, "settings")).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "phone-settings");

    await card.getByRole("button", { name: "Restore default" }).click();
    await page.getByText("Source template back to the default.").waitFor();
    await expect.poll(() => template.inputValue()).toBe("{utm_source} / {utm_campaign}");
  });

  it("shows registrations by source on the webinar page, each row opening the drill-down of that source", async () => {
    const { accountId } = stack.admin;
    const webinar = await createFinishedWebinar(stack, { subject: "Sources webinar", status: "ENDED" });
    const people: [string, string | null, boolean][] = [
      ["nl1@example.com", "newsletter / spring", true],
      ["nl2@example.com", "newsletter / spring", false],
      ["li1@example.com", "linkedin / spring", true],
      ["none@example.com", null, false],
    ];
    for (const [email, sourceLabel, attended] of people) {
      const prospect = await createProspect(stack.db, { accountId, email });
      await createRegistration(stack.db, {
        accountId,
        webinarId: webinar.id,
        prospectId: prospect.id,
        sourceLabel,
        attended,
      });
    }
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto(`/reports/webinars/${webinar.id}`);
    const card = page.getByRole("region", { name: "Registrations by source" });
    await card.getByRole("row", { name: "newsletter / spring 2 1 50%" }).waitFor();
    expect(await card.getByRole("row", { name: "linkedin / spring 1 1 100%" }).count()).toBe(1);
    expect(await card.getByRole("row", { name: "No source tracked 1 0 0%" }).count()).toBe(1);
    await screenshot(page, "webinar-by-source");
    expect(await audit(page, "webinar by source")).toEqual([]);

    await card.getByRole("link", { name: "newsletter / spring" }).click();
    await page.getByText("Only registrations from source").waitFor();
    const table = page.getByRole("table");
    await table.getByRole("link", { name: "nl1@example.com" }).waitFor();
    expect(await table.getByRole("link", { name: /@example\.com/ }).allTextContents()).toEqual([
      "nl1@example.com",
      "nl2@example.com",
    ]);
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toContain(
      "source=newsletter%20%2F%20spring",
    );
    await page.getByRole("link", { name: "Show every source" }).click();
    await table.getByRole("link", { name: "none@example.com" }).waitFor();

    await page.goto(`/reports/webinars/${webinar.id}`);
    await card.getByRole("link", { name: "No source tracked" }).click();
    await table.getByRole("link", { name: "none@example.com" }).waitFor();
    expect(await table.getByRole("link", { name: /@example\.com/ }).count()).toBe(1);
  });
});
