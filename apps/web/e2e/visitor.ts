// The two sides of a hosted form in the browser tests: the marketer saving one in the editor, and
// the visitor filling in its page.
import type { Page } from "playwright-core";
import type { Stack } from "./harness";

export interface Person {
  email: string;
  firstName: string;
  lastName: string;
}

/** Saves the editor's new form and answers its id once the editor has moved to the saved form. */
export async function createFormInEditor(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Create form" }).click();
  await page.waitForURL(/\/forms\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop() as string;
}

/** On the new-form page: a form named `name` that registers for the first webinar offered, saved. */
export async function createRegistrationForm(page: Page, name: string): Promise<string> {
  await page.getByRole("textbox", { name: "Form name" }).fill(name);
  await page.getByRole("combobox", { name: "Add a completion action" }).selectOption("REGISTER_WEBINAR");
  await page.getByRole("combobox", { name: "Register for webinar" }).waitFor();
  return createFormInEditor(page);
}

/** Fills in a hosted form's e-mail and name fields (the page is already open). */
export async function fillPerson(visitor: Page, person: Person): Promise<void> {
  await visitor.getByRole("textbox", { name: /^Email/ }).fill(person.email);
  await visitor.getByRole("textbox", { name: /^First name/ }).fill(person.firstName);
  await visitor.getByRole("textbox", { name: /^Last name/ }).fill(person.lastName);
}

/**
 * A visitor opens a hosted form in a page of their own, fills in its name and e-mail fields (and
 * whatever `fill` adds), sends it with `button` and waits for the thank-you.
 */
export async function submitHostedForm(
  stack: Pick<Stack, "newPage">,
  formId: string,
  person: Person,
  options: { button?: string; fill?(visitor: Page): Promise<void> } = {},
): Promise<Page> {
  const visitor = await stack.newPage();
  await visitor.goto(`/f/${formId}`);
  await fillPerson(visitor, person);
  await options.fill?.(visitor);
  await visitor.getByRole("button", { name: options.button ?? "Submit" }).click();
  await visitor.getByText(/Thank you/).waitFor();
  return visitor;
}
