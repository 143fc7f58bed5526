import { createProspect, createRegistration } from "@gw/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { audit } from "./axe";
import { createFinishedWebinar, createMarketer, logIn, PHONE, screenshot, sidewaysOverflow, useStack } from "./harness";

// The machine is shared: give the server's answer time to arrive, still waiting for state, not time.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });
const emailsShown = (page: Page) =>
  page.getByRole("table", { name: "Prospects" }).locator("tbody tr a.cell-title").allTextContents();

describe("the prospects page's filters and bulk actions", () => {
  const vipHigh: { id: string; email: string }[] = [];
  let tagId = "";
  let listId = "";
  const marketer = { email: "mia.marketer@example.com", password: "correct-horse-battery" };
  const attendees: string[] = [];

  const stack = useStack("e2eprospectfilters", {
    async setup() {
      const accountId = stack.admin.accountId;
      const tag = await stack.db.tag.create({ data: { accountId, name: "VIP" } });
      tagId = tag.id;
      listId = (await stack.db.list.create({ data: { accountId, name: "Hot leads" } })).id;
      // 30 tagged with scores 0..145 (20 of them at 50 or more), and 10 untagged high scorers the tag leaves out.
      for (let i = 0; i < 30; i++) {
        const prospect = await createProspect(stack.db, { accountId, email: `vip${i}@example.com`, score: i * 5 });
        await stack.db.prospectTag.create({ data: { tagId, prospectId: prospect.id } });
        if (prospect.score >= 50) vipHigh.push(prospect);
      }
      const others = [];
      for (let i = 0; i < 10; i++)
        others.push(await createProspect(stack.db, { accountId, email: `other${i}@example.com`, score: 100 }));
      // A past webinar: two of its three registrants attended.
      const webinar = await createFinishedWebinar(stack, { subject: "Pricing clinic" });
      for (const [index, attended] of [
        [0, true],
        [1, true],
        [2, false],
      ] as const) {
        const prospectId = others[index]?.id ?? "";
        await createRegistration(stack.db, { accountId, webinarId: webinar.id, prospectId, attended });
        if (attended) attendees.push(prospectId);
      }
      await createMarketer(stack, marketer);
    },
  });

  it("filters by tag and score, keeps them in the URL, exports them and adds all matching to a list", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/prospects?pageSize=10");
    await page.getByText("40 prospects", { exact: true }).waitFor();

    await page.getByLabel("Tag", { exact: true }).selectOption({ label: "VIP" });
    await page.getByText("30 prospects match").waitFor();
    await page.getByLabel("Score at least").fill("50");
    await page.getByText("20 prospects match").waitFor();
    const expected = new Set(vipHigh.map((p) => p.email));
    await poll(async () => (await emailsShown(page)).filter((email) => !expected.has(email))).toEqual([]);
    expect(await emailsShown(page)).toHaveLength(10);

    // A reload keeps every filter, in the controls and in the result.
    const url = new URL(page.url());
    expect(url.searchParams.get("tagId")).toBe(tagId);
    expect(url.searchParams.get("scoreMin")).toBe("50");
    await page.reload();
    await page.getByText("20 prospects match").waitFor();
    expect(await page.getByLabel("Tag", { exact: true }).inputValue()).toBe(tagId);
    expect(await page.getByLabel("Score at least").inputValue()).toBe("50");

    // The export is of the filtered set: the link carries the same query.
    const href = (await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")) ?? "";
    const exported = new URL(href, stack.url);
    expect(exported.pathname).toBe("/api/prospects.csv");
    expect(exported.searchParams.get("tagId")).toBe(tagId);
    expect(exported.searchParams.get("scoreMin")).toBe("50");
    const csv = await page.evaluate(async (link) => (await fetch(link)).text(), href);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(1 + 20);

    // Every matching prospect, beyond this page, into the list.
    await page.getByRole("checkbox", { name: "Select every row on this page" }).check();
    await page.getByRole("button", { name: "Select all 20 matching" }).click();
    await page.getByText("20 selected").waitFor();
    await page.getByRole("button", { name: "Add to list" }).click();
    const dialog = page.getByRole("dialog", { name: "Add to a list" });
    await dialog.getByLabel("List").selectOption({ label: "Hot leads" });
    await dialog.getByRole("button", { name: "Add to list" }).click();
    await page.getByText("Added 20 prospects to “Hot leads”.").waitFor();
    const members = await stack.db.listMembership.findMany({ where: { listId }, select: { prospectId: true } });
    expect(members.map((m) => m.prospectId).sort()).toEqual(vipHigh.map((p) => p.id).sort());

    // The list filter now selects the same people.
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByText("40 prospects", { exact: true }).waitFor();
    await page.getByLabel("List", { exact: true }).selectOption({ label: "Hot leads" });
    await page.getByText("20 prospects match").waitFor();
    await screenshot(page, "prospects-filters");
  });

  it("lets a marketer filter by a webinar's attendees and tag the chosen rows with a new tag", async () => {
    const page = await stack.newPage();
    await logIn(page, { admin: { ...stack.admin, ...marketer } });
    await page.goto("/prospects");
    await page.getByText("40 prospects", { exact: true }).waitFor();
    await page.getByLabel("Webinar", { exact: true }).selectOption({ label: "Pricing clinic" });
    await page.getByText("3 prospects match").waitFor();
    await page.getByLabel("Webinar status").selectOption({ label: "Attended" });
    await page.getByText("2 prospects match").waitFor();
    await poll(async () => (await emailsShown(page)).sort()).toEqual(["other0@example.com", "other1@example.com"]);
    expect(new URL(page.url()).searchParams.get("webinarStatus")).toBe("attended");

    await page.getByRole("checkbox", { name: "Select other0@example.com" }).check();
    await page.getByRole("checkbox", { name: "Select other1@example.com" }).check();
    await page.getByText("2 selected").waitFor();
    await page.getByRole("button", { name: "Add tag" }).click();
    const dialog = page.getByRole("dialog", { name: "Tag prospects" });
    await dialog.getByLabel("Tag").selectOption({ label: "+ New tag…" });
    await dialog.getByLabel("New tag name").fill("Clinic attendees");
    await dialog.getByRole("button", { name: "Apply tag" }).click();
    await page.getByText("Tagged 2 prospects “Clinic attendees”.").waitFor();
    const tagged = await stack.db.prospectTag.findMany({
      where: { tag: { accountId: stack.admin.accountId, name: "Clinic attendees" } },
      select: { prospectId: true },
    });
    expect(tagged.map((t) => t.prospectId).sort()).toEqual([...attendees].sort());
  });

  it("shows the API's refusal of a filter next to it", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/prospects?scoreMin=1.5");
    const field = page.getByLabel("Score at least");
    await poll(() => field.getAttribute("aria-invalid")).toBe("true");
    const message = await page.locator(`#${await field.getAttribute("id")}-error`).textContent();
    expect(message).toMatch(/int/);
    await page.getByText("Fix the marked filter to see the prospects.").waitFor();
    expect(await page.getByRole("table", { name: "Prospects" }).count()).toBe(0);
    await screenshot(page, "prospects-filter-error");
  });

  it("fits a phone and passes axe with filters set", async () => {
    const page = await stack.newPage();
    await page.setViewportSize(PHONE);
    await logIn(page, stack);
    await page.goto(`/prospects?tagId=${tagId}&scoreMin=50`);
    await page.getByText("20 prospects match").waitFor();
    await page.getByRole("checkbox", { name: "Select every row on this page" }).check();
    await page.getByText("20 selected").waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(await audit(page, "prospects filtered")).toEqual([]);
    await screenshot(page, "prospects-filters-phone");
  });
});
