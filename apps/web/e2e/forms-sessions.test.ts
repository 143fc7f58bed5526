// A series' form set to "visitor chooses a session": the hosted form offers the open sessions only,
// the registration goes to the chosen session's own webinarKey in GoTo; and a submission that
// registers nobody is a line of its own on the prospect's timeline.
import { describe, expect, it } from "vitest";
import { audit } from "./axe";
import { eventually, logIn, PHONE, screenshot, sidewaysOverflow, syncSeries, useStack } from "./harness";
import { fillPerson } from "./visitor";

const FIELDS = [
  { kind: "standard", name: "email", label: "Email", required: true },
  { kind: "standard", name: "firstName", label: "First name", required: true },
  { kind: "standard", name: "lastName", label: "Last name", required: true },
];

describe("choosing a session of a series, and submissions that register nobody", () => {
  const stack = useStack("e2esessions", {
    setup: () => syncSeries(stack, { subject: "Workshop series", connector: "Workshops" }),
  });

  it("offers the open sessions and registers the visitor for the chosen one only", async () => {
    const sessions = await stack.db.webinar.findMany({
      where: { programId: { not: null } },
      orderBy: { startsAt: "asc" },
    });
    const [first, second, third] = sessions as [(typeof sessions)[0], (typeof sessions)[0], (typeof sessions)[0]];
    const form = await stack.db.form.create({
      data: {
        accountId: stack.admin.accountId,
        name: "Pick your workshop",
        fields: FIELDS,
        completionActions: [{ type: "REGISTER_WEBINAR", webinarId: second.id, sessions: "choose" }],
      },
    });
    // The first session has started: it takes no registrations, so it is not offered.
    await stack.db.webinar.update({
      where: { id: first.id },
      data: { status: "LIVE", startsAt: new Date(Date.now() - 60_000) },
    });

    const visitor = await stack.newPage();
    await visitor.setViewportSize(PHONE);
    await visitor.goto(`/f/${form.id}`);
    const choice = visitor.getByRole("group", { name: "Session" });
    await choice.waitFor();
    expect(await choice.getByRole("radio").count()).toBe(2);
    // Sending without a choice says what to do, and keeps what was typed.
    await fillPerson(visitor, { email: "ada.choice@example.com", firstName: "Ada", lastName: "Lovelace" });
    await visitor.getByRole("button", { name: "Register" }).click();
    await visitor.getByRole("link", { name: "Choose a session" }).waitFor();
    expect(await visitor.getByRole("textbox", { name: /^Email/ }).inputValue()).toBe("ada.choice@example.com");
    expect(await sidewaysOverflow(visitor)).toBeLessThanOrEqual(0);
    expect(await audit(visitor, "session chooser with an error")).toEqual([]);

    await visitor.getByRole("group", { name: "Session" }).getByRole("radio").nth(1).check();
    await screenshot(visitor, "hosted-form-session-chooser");
    await visitor.getByRole("button", { name: "Register" }).click();
    await visitor
      .getByText(/Thank you/)
      .first()
      .waitFor();

    await eventually("registered in GoTo for the third session", async () =>
      (await stack.sim.control.registrants(third.webinarKey)).length === 1 ? true : undefined,
    );
    expect(await stack.sim.control.registrants(second.webinarKey)).toHaveLength(0);
    expect(await stack.sim.control.registrants(first.webinarKey)).toHaveLength(0);
  });

  it("shows a submission of a form without a register action as its own timeline line", async () => {
    const form = await stack.db.form.create({
      data: {
        accountId: stack.admin.accountId,
        name: "Newsletter sign-up",
        fields: [{ kind: "standard", name: "email", label: "Email", required: true }],
        completionActions: [],
      },
    });
    const visitor = await stack.newPage();
    await visitor.goto(`/f/${form.id}`);
    await visitor.getByRole("textbox", { name: /^Email/ }).fill("news.only@example.com");
    await visitor.getByRole("button", { name: "Submit" }).click();
    await visitor
      .getByText(/Thank you/)
      .first()
      .waitFor();
    const prospect = await stack.db.prospect.findFirstOrThrow({ where: { email: "news.only@example.com" } });

    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto(`/prospects/${prospect.id}`);
    const timeline = page.getByRole("region", { name: "Webinar activity" });
    await timeline.getByText("registers for no webinar").waitFor();
    await timeline.getByRole("link", { name: "Newsletter sign-up" }).waitFor();
    await screenshot(page, "timeline-unregistered-submission");
  });
});
