import type { Page } from "playwright-core";
import type { Stack } from "./harness";

/** A visitor opens a hosted form in a page of their own, fills in its name and e-mail fields and sends it. */
export async function submitHostedForm(
  stack: Pick<Stack, "newPage">,
  formId: string,
  person: { email: string; firstName: string; lastName: string },
  button = "Submit",
): Promise<Page> {
  const visitor = await stack.newPage();
  await visitor.goto(`/f/${formId}`);
  await visitor.getByRole("textbox", { name: /^Email/ }).fill(person.email);
  await visitor.getByRole("textbox", { name: /^First name/ }).fill(person.firstName);
  await visitor.getByRole("textbox", { name: /^Last name/ }).fill(person.lastName);
  await visitor.getByRole("button", { name: button }).click();
  await visitor.getByText(/Thank you/).waitFor();
  return visitor;
}
