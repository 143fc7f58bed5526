import { describe, expect, it } from "vitest";
import { eventually, logIn, screenshot, syncSeries, useStack } from "./harness";
import { createFormInEditor, submitHostedForm } from "./visitor";

describe("attendance thresholds and series registration", () => {
  const stack = useStack("e2eseries", {
    setup: () =>
      syncSeries(stack, {
        subject: "Onboarding series",
        connector: "Series webinars",
        others: [{ subject: "One-off briefing", startsInMinutes: 4 * 24 * 60, durationMinutes: 30 }],
      }),
  });

  it("adds attendance thresholds on the scoring page, refuses an empty one, and keeps them", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/scoring");
    const card = page.getByRole("region", { name: "Attendance thresholds" });
    await card.getByRole("heading", { name: "No attendance thresholds" }).waitFor();

    await card.getByRole("button", { name: "Add threshold" }).click();
    await card.getByRole("spinbutton", { name: "At least (minutes)" }).fill("30");
    await card.getByRole("spinbutton", { name: "Points" }).fill("15");
    await card.getByText("attended at least 30 min").waitFor();
    await card.getByRole("button", { name: "Add threshold" }).click();
    const second = card.locator("fieldset").nth(1);
    await second.getByRole("spinbutton", { name: "At least (minutes)" }).fill("");
    await card.getByRole("button", { name: "Save thresholds" }).click();
    // Neither minutes nor a percentage: the API names the row, and nothing is saved.
    await card.getByText(/needs minMinutes or minPercent/).waitFor();
    expect(await stack.db.attendanceScoringRule.count()).toBe(0);

    await second.getByRole("spinbutton", { name: "At least (% of session)" }).fill("75");
    await second.getByRole("spinbutton", { name: "Points" }).fill("20");
    await card.getByRole("button", { name: "Save thresholds" }).click();
    await page.getByText("Attendance thresholds saved").waitFor();
    await screenshot(page, "attendance-thresholds");
    const rules = await stack.db.attendanceScoringRule.findMany({ orderBy: { points: "asc" } });
    expect(rules.map((r) => [r.minMinutes, r.minPercent, r.points])).toEqual([
      [30, null, 15],
      [null, 75, 20],
    ]);

    await page.reload();
    await card.getByText("attended at least 75 % of the session").waitFor();
    expect(await card.locator("fieldset").count()).toBe(2);
  });

  it("builds a form registering for every session of a series, and a visitor is registered for all three", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/forms/new");
    await page.getByRole("textbox", { name: "Form name" }).fill("Onboarding, all sessions");
    await page.getByRole("combobox", { name: "Add a completion action" }).selectOption("REGISTER_WEBINAR");
    const picker = page.getByRole("combobox", { name: "Register for webinar" });
    await picker.waitFor();

    // A one-off webinar offers no choice of sessions.
    const oneOff = (await picker.locator("option").allTextContents()).find((o) => o.startsWith("One-off briefing"));
    await picker.selectOption({ label: oneOff! });
    expect(await page.getByRole("radio", { name: /Every upcoming session/ }).count()).toBe(0);

    const firstSession = (await picker.locator("option").allTextContents()).find((o) =>
      o.startsWith("Onboarding series"),
    );
    await picker.selectOption({ label: firstSession! });
    await page.getByRole("radio", { name: "This session only" }).waitFor();
    expect(await page.getByRole("radio", { name: "This session only" }).isChecked()).toBe(true);
    await page.getByRole("radio", { name: "Every upcoming session of the series (3 sessions)" }).check();
    const formId = await createFormInEditor(page);
    const form = await stack.db.form.findUniqueOrThrow({ where: { id: formId } });
    expect(form.completionActions).toEqual([expect.objectContaining({ type: "REGISTER_WEBINAR", sessions: "all" })]);
    // The choice reads back when the form is opened again.
    await page.reload();
    await page.getByRole("radio", { name: /Every upcoming session/ }).waitFor();
    expect(await page.getByRole("radio", { name: /Every upcoming session/ }).isChecked()).toBe(true);
    await screenshot(page, "form-editor-series");

    await submitHostedForm(
      stack,
      formId,
      { email: "ada.series@example.com", firstName: "Ada", lastName: "Lovelace" },
      { button: "Register" },
    );

    const sessions = await stack.db.webinar.findMany({ where: { programId: { not: null } } });
    await eventually("registered in GoTo for each session", async () => {
      const counts = await Promise.all(
        sessions.map(async (s) => (await stack.sim.control.registrants(s.webinarKey)).length),
      );
      return counts.every((count) => count === 1);
    });
  });
});
