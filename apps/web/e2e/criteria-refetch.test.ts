// The criteria builder's live count and a rule's preview are POSTs that only read: asking them
// must not mark the page's other answers stale (it did, and each keystroke refetched every query
// on screen), while a real change (turning the rule on) still refreshes what it changed.
import { createRule } from "@gw/domain/rules";
import { createProspect } from "@gw/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, screenshot, useStack } from "./harness";

/** Every API request the page makes from now on, as "METHOD /path". */
function recordApiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/api/")) seen.push(`${request.method()} ${pathname}`);
  });
  return seen;
}

describe("criteria builder: a live count refetches nothing, a change refreshes the page", () => {
  let ruleId = "";
  const stack = useStack("e2erefetch", {
    async setup() {
      const accountId = stack.admin.accountId;
      for (const score of [10, 30, 60]) await createProspect(stack.db, { accountId, score });
      const rule = await createRule({
        db: stack.db,
        accountId,
        name: "High scorers",
        criteria: { type: "group", match: "all", conditions: [{ type: "score", op: "gte", value: 50 }] },
        actions: [{ type: "ADD_TAG", tag: "high-score" }],
      });
      ruleId = rule.id;
    },
  });

  it("typing criteria and previewing ask only their POSTs; turning the rule on reads the rule and its log again", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto(`/rules/${ruleId}`);
    const count = page.getByTestId("match-count");
    await count.filter({ hasText: "1 prospect matches now" }).waitFor();
    const controls = page.getByRole("region", { name: "Preview and switch" });
    await controls.getByRole("button", { name: "Turn on" }).waitFor();
    const log = page.getByRole("region", { name: "Log" });
    await log.getByRole("heading", { name: "Nothing yet" }).waitFor();

    const requests = recordApiRequests(page);
    // The shell's connector banner polls on a timer of its own: not the builder's doing.
    const reads = () => requests.filter((r) => r.startsWith("GET ") && r !== "GET /api/connectors");
    const score = page.getByRole("spinbutton", { name: "Score in condition 1" });
    await score.fill("20");
    await count.filter({ hasText: "2 prospects match now" }).waitFor();
    await score.fill("5");
    await count.filter({ hasText: "3 prospects match now" }).waitFor();
    await controls.getByRole("button", { name: "Preview" }).click();
    await page
      .getByTestId("rule-preview")
      .getByText(/1\s+prospects match now/)
      .waitFor();
    expect(requests.filter((r) => r === "POST /api/segments/preview").length).toBeGreaterThanOrEqual(2);
    expect(requests).toContain(`POST /api/rules/${ruleId}/preview`);
    expect(reads()).toEqual([]);

    // Turning on changes the rule: its state and its log come back from the API without a reload.
    await controls.getByRole("button", { name: "Turn on" }).click();
    await page.getByText(/turned on: ran on 1 of 1 matching prospects/).waitFor();
    await controls.getByRole("button", { name: "Pause" }).waitFor();
    await log.getByRole("row", { name: /Add a tag: done/ }).waitFor();
    expect(reads()).toEqual(expect.arrayContaining([`GET /api/rules/${ruleId}`, `GET /api/rules/${ruleId}/runs`]));
    await screenshot(page, "criteria-refetch");
  });
});
