// The UI on a phone (390 × 844): no page scrolls sideways, the navigation folds behind a menu
// button, tables and tabs scroll inside their own boxes. Also the login page's plain-words
// messages for empty fields.
import { describe, expect, it } from "vitest";
import {
  connectDefaultOrganizer,
  createRegisteredList,
  eventually,
  logIn,
  PHONE,
  screenshot,
  sidewaysOverflow,
  useStack,
} from "./harness";
import { createRegistrationForm } from "./visitor";

describe("on a phone", () => {
  let formId: string;
  const stack = useStack("e2ephone", {
    async setup() {
      await stack.sim.control.scenario({
        webinars: [
          {
            subject: "A webinar with a long title that would push a narrow page sideways if it could",
            startsInMinutes: 3 * 24 * 60,
            durationMinutes: 60,
            registrants: 6,
          },
          { subject: "Last month's launch", startsInMinutes: -30 * 24 * 60, durationMinutes: 45, registrants: 8 },
        ],
      });
      await connectDefaultOrganizer(stack, "Marketing webinars");
      await eventually("the synced registrants", async () => (await stack.db.webinarRegistration.count()) === 14);
      // The form is made the way a marketer makes it, in the editor (on a desktop screen).
      const editor = await stack.newPage();
      await logIn(editor, stack);
      await editor.goto("/forms/new");
      formId = await createRegistrationForm(editor, "Phone registration");
      await editor.close();
    },
  });

  it("shows the dashboard, the reports, a drill-down, the dynamic list pages and the hosted form without sideways scrolling", async () => {
    const page = await stack.newPage();
    await page.setViewportSize(PHONE);
    await logIn(page, stack);
    await page.getByRole("heading", { level: 1, name: /Welcome back/ }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "phone-dashboard");

    // The navigation sits behind the menu button until it is opened.
    const menu = page.getByRole("button", { name: "Menu" });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await page.getByRole("link", { name: "Webinars" }).click();
    await page.getByRole("heading", { level: 1, name: "Webinars" }).waitFor();
    // Following a link closes the menu again.
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    await page.goto("/reports/webinars?tab=finished");
    await page.getByRole("link", { name: "Last month's launch", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Last month's launch" }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.goto(`${new URL(page.url()).pathname}/prospects?segment=registered`);
    await page.getByRole("table").waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "phone-drill-down");

    // Lists: the builder of a new dynamic list, and a dynamic list's page.
    await page.goto("/lists/new");
    await page.getByTestId("match-count").waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "phone-dynamic-list-new");
    const dynamic = await createRegisteredList(stack, "Registered for anything");
    await page.goto(`/lists/${dynamic.id}`);
    await page.getByRole("region", { name: "Joined and left" }).getByRole("table").waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "phone-dynamic-list");

    const visitor = await stack.newPage();
    await visitor.setViewportSize(PHONE);
    await visitor.goto(`/f/${formId}`);
    await visitor.getByRole("button", { name: "Register" }).waitFor();
    expect(await sidewaysOverflow(visitor)).toBeLessThanOrEqual(0);
    await screenshot(visitor, "phone-hosted-form");
  });

  it("says in plain words which login field is empty, and focuses it", async () => {
    const page = await stack.newPage();
    await page.setViewportSize(PHONE);
    await page.goto("/login");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByText("Enter your e-mail address").waitFor();
    expect(await page.getByText("Enter your password").isVisible()).toBe(true);
    expect(await page.getByLabel("E-mail").evaluate((el) => el.getAttribute("aria-invalid"))).toBe("true");
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }
        ).document.activeElement.getAttribute("name"),
      ),
    ).toBe("email");
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByLabel("E-mail").fill(stack.admin.email);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByText("Enter your password").waitFor();
    expect(await page.getByText("Enter your e-mail address").count()).toBe(0);
  });
});
