// The form editor checks a form with the API route's own schema before it sends it, and shows what
// it refuses at the field, as it shows the refusals only the API can make (two consents of one name).
import { describe, expect, it } from "vitest";
import { audit } from "./axe";
import { logIn, screenshot, useStack } from "./harness";

/** What the focus check reads in the page (the e2e project is typed for Node). */
interface FocusGlobals {
  document: { activeElement: { id: string } | null };
}

describe("the form editor's refusals", () => {
  const stack = useStack("e2eformcheck");

  it("marks what the schema refuses at its field without sending it, then what only the API refuses", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    let posts = 0;
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/forms") posts++;
    });
    await page.goto("/forms/new");
    const name = page.getByRole("textbox", { name: "Form name" });
    await name.fill("   ");
    const add = page.getByRole("combobox", { name: "Add a completion action" });
    // No list yet: "Add to list" starts as a new list, to be named.
    await add.selectOption("ADD_TO_LIST");
    await add.selectOption("ADJUST_SCORE");
    await page.getByRole("spinbutton", { name: "Adjust score by" }).fill("0");
    await page.getByRole("button", { name: "Create form" }).click();

    await page.getByRole("alert").filter({ hasText: "The form was not saved" }).waitFor();
    const listName = page.getByRole("textbox", { name: "New list's name" });
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    expect(await listName.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("spinbutton", { name: "Adjust score by" }).getAttribute("aria-invalid")).toBe("true");
    await page.getByText("must not be 0").waitFor();
    // Focus goes to the first field to correct.
    const focused = () =>
      page.evaluate(() => (globalThis as unknown as FocusGlobals).document.activeElement?.id ?? null);
    expect(await focused()).toBe(await name.getAttribute("id"));
    expect(await audit(page, "form editor with refused fields")).toEqual([]);
    await screenshot(page, "form-editor-refused");
    expect(posts).toBe(0);

    // Typing clears a mark once what it says is fixed.
    await name.fill("Spring webinar leads");
    await expect.poll(() => name.getAttribute("aria-invalid")).toBeNull();

    await listName.fill("Spring leads");
    await page.getByRole("spinbutton", { name: "Adjust score by" }).fill("5");
    // Two consents whose texts make one name: only the API knows, and it names the second.
    for (const text of ["I agree to e-mails", "I agree to e-mails!"]) {
      await page.getByRole("button", { name: "Add consent checkbox" }).click();
      await page.getByRole("textbox", { name: "Text shown beside the checkbox" }).last().fill(text);
    }
    await page.getByRole("button", { name: "Create form" }).click();
    await page
      .getByText(/Two consents are named "i-agree-to-e-mails"/)
      .first()
      .waitFor();
    const second = page.getByRole("group", { name: "Consent 2" }).getByRole("textbox", { name: /^Text shown/ });
    expect(await second.getAttribute("aria-invalid")).toBe("true");
    expect(posts).toBe(1);
    expect(await stack.db.form.count()).toBe(0);

    await second.fill("I agree to the newsletter");
    await page.getByRole("button", { name: "Create form" }).click();
    await page.waitForURL(/\/forms\/[0-9a-f-]{36}$/);
    const form = await stack.db.form.findFirstOrThrow({ where: { name: "Spring webinar leads" } });
    const list = await stack.db.list.findFirstOrThrow({ where: { name: "Spring leads" } });
    expect(form.completionActions).toEqual([
      { type: "ADD_TO_LIST", listId: list.id },
      { type: "ADJUST_SCORE", points: 5 },
    ]);
    // The saved form is the editor's new starting point: the new list is chosen by name.
    await expect.poll(() => page.getByRole("combobox", { name: "Add to list" }).inputValue()).toBe(list.id);
  });
});
