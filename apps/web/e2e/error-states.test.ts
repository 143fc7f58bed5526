import { describe, expect, it } from "vitest";
import { logIn, screenshot, useStack } from "./harness";

describe("error states", () => {
  const stack = useStack("e2eerrors");

  it("shows the API's message and a retry when a request fails, and recovers on retry", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    let failing = true;
    await page.route("**/api/reports/webinars?*", async (route) => {
      if (!failing) return route.continue();
      await route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify({
          statusCode: 500,
          error: "Internal Server Error",
          message: "Something went wrong on our side; the error has been logged.",
          reqId: "req-e2e-42",
        }),
      });
    });
    await page.getByRole("link", { name: "Webinars" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "This could not be loaded" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Something went wrong on our side");
    expect(await alert.textContent()).toContain("req-e2e-42");
    await screenshot(page, "error-state");

    failing = false;
    await alert.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { name: "No upcoming webinars" }).waitFor();
  });

  it("says so when the server cannot be reached at all", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.route("**/api/prospects?*", (route) => route.abort("connectionrefused"));
    await page.getByRole("link", { name: "Prospects" }).click();
    await page.getByRole("alert").filter({ hasText: "Cannot reach the server" }).waitFor();
    await screenshot(page, "error-unreachable");
  });

  it("sends the user back to the login page when the session ends", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    // Let the dashboard's own requests finish first: one of them, not the click, would otherwise
    // meet the ended session and send the page to the login before the link can be clicked.
    await page.waitForLoadState("networkidle");
    await stack.db.userSession.deleteMany({});
    await page.getByRole("link", { name: "Prospects" }).click();
    await page.waitForURL(/\/login/);
    await page.getByText("Your session ended").waitFor();
    await screenshot(page, "error-session-ended");
  });
});
