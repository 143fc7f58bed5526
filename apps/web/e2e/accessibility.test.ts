// axe-core over the admin UI and the hosted form, in the states a marketer meets them: empty,
// filled with synced webinars, with a dialog open, with a refused form. Any WCAG 2.1 A/AA or
// best-practice finding fails the test with the rule, the element and axe's advice.
import { describe, expect, it } from "vitest";
import { audit, type BrowserGlobals } from "./axe";
import { connectDefaultOrganizer, createRegisteredList, eventually, logIn, useStack } from "./harness";
import { createRegistrationForm } from "./visitor";

describe("accessibility (axe-core, WCAG 2.1 AA and best practice)", () => {
  const stack = useStack("e2eaxe", {
    async setup() {
      await stack.sim.control.scenario({
        webinars: [
          { subject: "Quarterly roadmap", startsInMinutes: 5 * 24 * 60, durationMinutes: 45, registrants: 3 },
          {
            subject: "Last month's launch",
            startsInMinutes: -30 * 24 * 60,
            durationMinutes: 45,
            registrants: 4,
            attendanceRatio: 0.5,
          },
        ],
      });
      await connectDefaultOrganizer(stack, "Marketing webinars");
      await eventually("the synced registrants", async () => (await stack.db.webinarRegistration.count()) === 7);
    },
  });

  it("finds nothing on the login page, the admin pages in their empty and filled states, and the hosted form; the form preview is out of the Tab order", async () => {
    const findings: string[] = [];
    const page = await stack.newPage();
    await page.goto("/login");
    await page.getByRole("button", { name: "Log in" }).waitFor();
    findings.push(...(await audit(page, "login")));
    await logIn(page, stack);

    const visit = async (path: string, ready: () => Promise<unknown>, state = path) => {
      await page.goto(path);
      await ready();
      await page.waitForLoadState("networkidle");
      findings.push(...(await audit(page, state)));
    };
    await visit("/", () => page.getByRole("heading", { level: 1, name: /Welcome back/ }).waitFor(), "dashboard");
    await visit("/connectors", () => page.getByText("Marketing webinars").first().waitFor());
    await page
      .getByRole("button", { name: /Add connector/ })
      .first()
      .click();
    await page.getByRole("dialog").waitFor();
    findings.push(...(await audit(page, "add-connector dialog")));
    await page.keyboard.press("Escape");

    await visit("/reports/webinars?tab=finished", () =>
      page.getByRole("link", { name: "Last month's launch", exact: true }).waitFor(),
    );
    await visit("/reports/webinars?tab=upcoming", () =>
      page.getByRole("link", { name: "Quarterly roadmap", exact: true }).waitFor(),
    );
    await page.goto("/reports/webinars?tab=finished");
    await page
      .getByRole("link", { name: /Last month's launch/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: /Last month's launch/ }).waitFor();
    await page.waitForLoadState("networkidle");
    findings.push(...(await audit(page, "webinar page")));
    const webinarUrl = new URL(page.url()).pathname;
    await visit(
      `${webinarUrl}/prospects?segment=absent`,
      // The stand-in draws who attends: the tab may list absentees or none (its empty state).
      () => page.getByRole("tab", { name: /Absent/, selected: true }).waitFor(),
      "absentees drill-down",
    );

    await visit("/prospects", () => page.getByRole("table").waitFor());
    await page.getByRole("table").getByRole("link").first().click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    findings.push(...(await audit(page, "prospect page")));

    await visit(
      "/integrations/endpoints",
      () => page.getByRole("heading", { name: "No endpoints yet" }).waitFor(),
      "outbound endpoints (empty)",
    );
    await visit(
      "/integrations/tokens",
      () => page.getByRole("heading", { name: "No API tokens yet" }).waitFor(),
      "api tokens (empty)",
    );
    await visit("/settings", () => page.getByRole("textbox", { name: "Source template" }).waitFor(), "settings");
    // The empty states themselves, not only the header: their headings follow the page's h1.
    await visit("/lists", () => page.getByRole("heading", { name: "No lists yet" }).waitFor(), "lists (empty)");
    await visit(
      "/lists/new",
      () => page.getByTestId("match-count").waitFor(),
      "new dynamic list with the criteria builder's live count",
    );
    const dynamic = await createRegisteredList(stack, "Registered for anything");
    await visit(
      `/lists/${dynamic.id}`,
      () => page.getByRole("region", { name: "Joined and left" }).getByRole("table").waitFor(),
      "dynamic list page",
    );
    await page.getByRole("button", { name: "Snapshot to a static list" }).click();
    await page.getByRole("dialog").waitFor();
    findings.push(...(await audit(page, "snapshot dialog")));
    await page.keyboard.press("Escape");
    await visit(
      `${webinarUrl}/prospects?segment=registered&includeFiltered=true`,
      () => page.getByRole("switch", { name: /Show filtered prospects/, checked: true }).waitFor(),
      "drill-down showing filtered prospects",
    );
    await visit("/tags", () => page.getByRole("heading", { name: "No tags yet" }).waitFor(), "tags (empty)");
    await visit("/forms", () => page.getByRole("heading", { name: "No forms yet" }).waitFor(), "forms (empty)");
    await visit("/forms/new", () => page.getByRole("textbox", { name: "Form name" }).waitFor(), "new form");
    const formId = await createRegistrationForm(page, "Roadmap registration");
    await page.frameLocator("iframe[title^='Preview']").getByRole("button", { name: "Register" }).waitFor();
    findings.push(...(await audit(page, "form editor with preview")));
    // The preview is inert: tabbing through the whole editor never lands inside it.
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as BrowserGlobals).document
            .querySelector("iframe[title^='Preview']")
            ?.closest("[inert]") != null,
      ),
    ).toBe(true);
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      expect(
        await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.activeElement?.tagName),
      ).not.toBe("IFRAME");
    }
    await visit(
      "/forms",
      () => page.getByRole("link", { name: "Roadmap registration", exact: true }).waitFor(),
      "forms list",
    );
    // Label in name (WCAG 2.5.3): a control's accessible name starts with the words it shows, so
    // "Copy link" said to voice control finds "Copy link to Roadmap registration".
    const labelled = page.getByRole("table", { name: "Forms" }).locator("[aria-label]");
    const named = await Promise.all(
      (await labelled.all()).map(async (control) => [
        (await control.textContent())?.trim() ?? "",
        await control.getAttribute("aria-label"),
      ]),
    );
    expect(named).toContainEqual(["Copy link", "Copy link to Roadmap registration"]);
    expect(named.filter(([shown, name]) => shown && !name?.startsWith(shown))).toEqual([]);
    await visit("/scoring", () => page.getByRole("heading", { level: 1 }).waitFor());
    await visit("/sync", () =>
      page.getByRole("table", { name: "GoTo API requests per connector against GoTo's limit" }).waitFor(),
    );
    await visit(
      "/rules",
      () => page.getByRole("heading", { level: 1, name: "Automation rules" }).waitFor(),
      "rules (empty)",
    );
    await visit(
      "/rules/new",
      () => page.getByTestId("match-count").waitFor(),
      "new rule with the criteria builder's live count",
    );
    await visit("/exclusions", () => page.getByRole("heading", { level: 1, name: "Exclusions" }).waitFor());
    await visit("/settings/branding", () => page.getByRole("region", { name: "Logo" }).waitFor(), "form branding");
    await visit(
      "/no-such-page",
      () => page.getByRole("heading", { level: 2, name: "Page not found" }).waitFor(),
      "not found",
    );

    const visitor = await stack.newPage();
    await visitor.goto(`/f/${formId}`);
    await visitor.getByRole("button", { name: "Register" }).waitFor();
    findings.push(...(await audit(visitor, "hosted form")));
    await visitor.getByRole("button", { name: "Register" }).click();
    await visitor.getByRole("alert").first().waitFor();
    findings.push(...(await audit(visitor, "hosted form refused")));

    expect(findings).toEqual([]);
    // One test walks every page (over twenty audits): on a loaded machine it needs more than the default.
  }, 300_000);
});
