import { describe, expect, it } from "vitest";
import { logIn, screenshot, useStack } from "./harness";
import { createFormInEditor, fillPerson, submitHostedForm } from "./visitor";

describe("consent in the form editor, on the hosted form and on the prospect page", () => {
  const stack = useStack("e2econsent");

  it("adds a required consent, the visitor must tick it, and the prospect page shows it with export and erase", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.getByRole("link", { name: "Forms" }).click();
    await page.getByRole("link", { name: "New form" }).first().click();
    await page.getByRole("textbox", { name: "Form name" }).fill("Newsletter");
    await page.getByRole("button", { name: "Add consent checkbox" }).click();
    await page.getByRole("textbox", { name: "Text shown beside the checkbox" }).fill("I agree to the privacy policy");
    await page.getByRole("textbox", { name: "Version" }).fill("v3");
    await page.getByRole("checkbox", { name: "Required to submit" }).check();
    const formId = await createFormInEditor(page);
    await screenshot(page, "form-editor-consent");

    const visitor = await stack.newPage();
    await visitor.goto(`/f/${formId}?utm_source=newsletter`);
    await fillPerson(visitor, { email: "ada.consent@example.com", firstName: "Ada", lastName: "Consent" });
    await visitor.getByRole("button", { name: "Submit" }).click();
    await visitor.getByRole("link", { name: /Tick the box to agree to "I agree to the privacy policy"/ }).waitFor();
    await visitor.getByRole("checkbox", { name: "I agree to the privacy policy" }).check();
    await visitor.getByRole("button", { name: "Submit" }).click();
    await visitor.getByText(/Thank you/).waitFor();

    const prospect = await stack.db.prospect.findFirstOrThrow({ where: { email: "ada.consent@example.com" } });
    await page.goto(`/prospects/${prospect.id}`);
    const card = page.getByRole("region", { name: "Consent and privacy" });
    await card.getByText("I agree to the privacy policy").waitFor();
    await expect(card.getByText("(version v3)").isVisible()).resolves.toBe(true);
    await screenshot(page, "prospect-consent");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      card.getByRole("link", { name: "Export data" }).click(),
    ]);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const exported = JSON.parse(await readFile(path, "utf8"));
    expect(exported.prospect.email).toBe("ada.consent@example.com");

    await card.getByRole("button", { name: "Erase" }).click();
    const dialog = page.getByRole("dialog", { name: /Erase ada\.consent@example\.com/ });
    await dialog.getByRole("button", { name: "Erase prospect" }).click();
    await page.getByText("Prospect erased.").waitFor();
    const erased = await stack.db.prospect.findUniqueOrThrow({ where: { id: prospect.id } });
    expect(erased.erasedAt).not.toBeNull();
  });

  it("gives a prospect the form creates the campaign picked in the form editor", async () => {
    const campaign = await stack.db.campaign.create({
      data: { accountId: stack.admin.accountId, name: "Spring launch" },
    });
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/forms/new");
    await page.getByRole("textbox", { name: "Form name" }).fill("Spring launch sign-up");
    await page.getByRole("combobox", { name: "Campaign of new prospects" }).selectOption({ label: "Spring launch" });
    const formId = await createFormInEditor(page);
    await page.reload();
    await expect
      .poll(() => page.getByRole("combobox", { name: "Campaign of new prospects" }).inputValue())
      .toBe(campaign.id);

    await submitHostedForm(stack, formId, {
      email: "grace.spring@example.com",
      firstName: "Grace",
      lastName: "Spring",
    });
    const prospect = await stack.db.prospect.findFirstOrThrow({ where: { email: "grace.spring@example.com" } });
    expect(prospect.campaignId).toBe(campaign.id);
  });
});
