// The form editor's redirect: an admin is warned about a site not on the account's list and can
// list it right there; a marketer is told to ask an admin, and the API refuses their save.
import { describe, expect, it } from "vitest";
import { createMarketer, logIn, screenshot, useStack } from "./harness";

describe("thank-you redirects in the form editor", () => {
  const marketer = { email: "mia.marketer@example.com", password: "correct-horse-battery" };
  const stack = useStack("e2eredirect", {
    async setup() {
      await createMarketer(stack, marketer);
    },
  });

  it("warns an admin about an unlisted site, lists it, and then lets a marketer use it", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/forms/new");
    await page.getByRole("textbox", { name: "Form name" }).fill("Newsletter");
    await page.getByRole("radio", { name: "Redirect to a page" }).check();
    await page.getByRole("textbox", { name: "Redirect URL" }).fill("https://www.partner.example/thanks");
    await page.getByText(/Warning: www\.partner\.example is not on your account's allowed redirect domains/).waitFor();
    await screenshot(page, "form-redirect-warning");

    await page.getByRole("textbox", { name: /Allowed redirect domains/ }).fill("partner.example");
    await page.getByRole("button", { name: "Save domains" }).click();
    await page.getByText("People go to www.partner.example, an allowed domain.").waitFor();

    const other = await stack.newPage();
    await logIn(other, { admin: { ...marketer, accountId: stack.admin.accountId } });
    await other.goto("/forms/new");
    await other.getByRole("textbox", { name: "Form name" }).fill("Marketer's form");
    await other.getByRole("radio", { name: "Redirect to a page" }).check();
    expect(await other.getByRole("textbox", { name: /Allowed redirect domains/ }).count()).toBe(0);
    await other.getByRole("textbox", { name: "Redirect URL" }).fill("https://elsewhere.example/");
    await other
      .getByText(/elsewhere\.example is not on your account's allowed redirect domains.*ask an admin/)
      .waitFor();
    await other.getByRole("button", { name: "Create form" }).click();
    await other
      .getByText(/not on this account's list of allowed redirect domains/)
      .first()
      .waitFor();
    // The refusal names the field, so it shows at the field too.
    const redirect = other.getByRole("textbox", { name: "Redirect URL" });
    expect(await redirect.getAttribute("aria-invalid")).toBe("true");
    const message = other.locator(`[id="${await redirect.getAttribute("id")}-error"]`);
    expect(await message.textContent()).toMatch(/not on this account's list of allowed redirect domains/);

    await other.getByRole("textbox", { name: "Redirect URL" }).fill("https://go.partner.example/thanks");
    await other.getByRole("button", { name: "Create form" }).click();
    await other.waitForURL(/\/forms\/[0-9a-f-]{36}$/);
  });
});
