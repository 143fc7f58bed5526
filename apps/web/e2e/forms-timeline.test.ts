import { describe, expect, it } from "vitest";
import { appears, connectDefaultOrganizer, eventually, logIn, screenshot, useStack } from "./harness";
import { createFormInEditor, submitHostedForm } from "./visitor";

describe("forms and the prospect timeline", () => {
  const stack = useStack("e2eforms", {
    async setup() {
      await stack.sim.control.scenario({
        webinars: [
          { subject: "Quarterly roadmap", startsInMinutes: 5 * 24 * 60, durationMinutes: 45, registrants: 3 },
          { subject: "Last month's launch", startsInMinutes: -30 * 24 * 60, durationMinutes: 45, registrants: 2 },
        ],
      });
      await connectDefaultOrganizer(stack, "Marketing webinars");
      await eventually("the discovered webinars", async () => (await stack.db.webinar.count()) === 2);
    },
  });

  it("builds a form that registers for an upcoming webinar, fills its hosted page and shows the registration on the prospect's timeline", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.getByRole("link", { name: "Forms" }).click();
    await page.getByRole("heading", { name: "No forms yet" }).waitFor();
    await page.getByRole("link", { name: "New form" }).first().click();

    await page.getByRole("textbox", { name: "Form name" }).fill("Roadmap registration");
    await page.getByRole("combobox", { name: "Add a completion action" }).selectOption("REGISTER_WEBINAR");
    const picker = page.getByRole("combobox", { name: "Register for webinar" });
    await picker.waitFor();
    // Only upcoming webinars are offered: the past one never is.
    const offered = await picker.locator("option").allTextContents();
    expect(offered.some((o) => o.startsWith("Quarterly roadmap"))).toBe(true);
    expect(offered.some((o) => o.startsWith("Last month's launch"))).toBe(false);
    const formId = await createFormInEditor(page);
    await page.getByText("“Roadmap registration” created").waitFor();
    await page.frameLocator("iframe[title^='Preview']").getByRole("button", { name: "Register" }).waitFor();
    await screenshot(page, "form-editor");

    // The person's side: the hosted page, no login involved.
    await submitHostedForm(
      stack,
      formId,
      { email: "grace.hopper@example.com", firstName: "Grace", lastName: "Hopper" },
      {
        button: "Register",
        fill: (visitor) => visitor.getByRole("textbox", { name: /^Organization/ }).fill("US Navy"),
      },
    );

    await page.getByRole("link", { name: "Prospects" }).click();
    await page.getByRole("searchbox", { name: "Search prospects" }).fill("grace.hopper");
    await page.getByRole("link", { name: "grace.hopper@example.com" }).click();
    await page.getByRole("heading", { level: 1, name: "Grace Hopper" }).waitFor();
    // The push to GoTo takes seconds; the timeline then shows the registration with its date.
    await eventually("the REGISTERED activity on the timeline", async () => {
      await page.reload();
      return appears(page.getByRole("list", { name: /Webinar activity/ }).getByText("Registered for"));
    });
    const timeline = page.getByRole("list", { name: /Webinar activity/ });
    // The form submission that registered her is a line of its own, beside GoTo's registration.
    await timeline.getByText("Filled in a form to register for").waitFor();
    await timeline.getByRole("link", { name: "Quarterly roadmap" }).first().waitFor();
    expect(await timeline.locator("time").first().getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await page.getByText("US Navy").first().waitFor();
    await screenshot(page, "prospect-timeline");

    const inGoto = await stack.sim.control.registrants(
      (await stack.sim.control.webinars()).find((w) => w.subject === "Quarterly roadmap")?.webinarKey as string,
    );
    expect(inGoto.map((r) => r.email)).toContain("grace.hopper@example.com");

    // Nothing failed, so the forms page lists no failed registrations.
    await page.getByRole("link", { name: "Forms" }).click();
    await page.getByRole("link", { name: "Roadmap registration", exact: true }).waitFor();
    expect(await page.getByRole("heading", { name: /Failed registrations/ }).count()).toBe(0);
  });

  it("registers for the webinar the picker shows even when the action was added before the webinars arrived", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    // The upcoming webinars answer slowly: the action is added while they load.
    await page.route("**/api/forms/webinar-options", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await page.goto("/forms/new");
    await page.getByRole("textbox", { name: "Form name" }).fill("Slow picker");
    await page.getByRole("combobox", { name: "Add a completion action" }).selectOption("REGISTER_WEBINAR");
    const picker = page.getByRole("combobox", { name: "Register for webinar" });
    await picker.locator("option", { hasText: "Quarterly roadmap" }).waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Create form" }).click();
    await page.getByText("“Slow picker” created").waitFor();
    const form = await stack.db.form.findFirstOrThrow({ where: { name: "Slow picker" } });
    const roadmap = await stack.db.webinar.findFirstOrThrow({ where: { subject: "Quarterly roadmap" } });
    expect(form.completionActions).toEqual([{ type: "REGISTER_WEBINAR", webinarId: roadmap.id }]);
  });
});
