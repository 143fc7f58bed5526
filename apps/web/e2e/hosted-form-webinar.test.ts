import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { connectDefaultOrganizer, eventually, logIn, screenshot, useStack } from "./harness";
import { createRegistrationForm, fillPerson } from "./visitor";

describe("the hosted form names its webinar; the thank-you page gives the join link and calendar", () => {
  const stack = useStack("e2ehfweb", {
    async setup() {
      const _organizer = await stack.sim.control.defaultOrganizer();
      await stack.sim.control.scenario({
        webinars: [
          {
            subject: "Roadmap 2027",
            startsInMinutes: 6 * 24 * 60,
            durationMinutes: 45,
            registrants: 1,
            timeZone: "America/New_York",
          },
        ],
      });
      await connectDefaultOrganizer(stack, "Marketing webinars");
      await eventually("the discovered webinar", async () => (await stack.db.webinar.count()) === 1);
    },
  });

  it("shows title, times in the webinar's and the visitor's zone, duration and organizer; registers and offers join link and .ics", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto("/forms/new");
    const formId = await createRegistrationForm(page, "Roadmap sign-up");

    // The visitor is in London; the webinar is in New York: both times are shown.
    const visitor = await stack.newPage();
    await visitor.goto(`/f/${formId}`);
    const card = visitor.getByRole("region", { name: "Roadmap 2027" });
    await card.getByRole("heading", { level: 2, name: "Roadmap 2027" }).waitFor();
    await card.getByText("(America/New_York)").waitFor();
    await card.getByText(/^Your time: .*(GMT|BST|UTC)/).waitFor();
    await card.getByText("45 minutes").waitFor();
    await card.getByText("Organizer", { exact: true }).waitFor();
    await screenshot(visitor, "hosted-form-webinar");

    await fillPerson(visitor, { email: "ada.lovelace@example.com", firstName: "Ada", lastName: "Lovelace" });
    await visitor.getByRole("button", { name: "Register" }).click();
    const join = visitor.getByRole("link", { name: "Join the webinar" });
    await join.waitFor();
    const webinar = await stack.db.webinar.findFirstOrThrow({ where: { subject: "Roadmap 2027" } });
    const registrant = (await stack.sim.control.registrants(webinar.webinarKey)).find(
      (r) => r.email === "ada.lovelace@example.com",
    );
    expect(await join.getAttribute("href")).toBe(registrant?.joinUrl);
    await visitor.getByRole("heading", { level: 2, name: "Add to your calendar" }).waitFor();
    expect(await visitor.getByRole("link", { name: "Google Calendar" }).getAttribute("href")).toMatch(
      /^https:\/\/calendar\.google\.com\//,
    );
    await screenshot(visitor, "hosted-form-thank-you");

    const [download] = await Promise.all([
      visitor.waitForEvent("download"),
      visitor.getByRole("link", { name: "Calendar file (.ics)" }).click(),
    ]);
    const ics = (await readFile((await download.path()) as string, "utf8")).replace(/\r\n /g, "");
    expect(ics).toContain("SUMMARY:Roadmap 2027");
    expect(ics).toContain(`URL;VALUE=URI:${registrant?.joinUrl}`);
  });

  it("says so instead of taking registrations once the webinar has started", async () => {
    const form = await stack.db.form.findFirstOrThrow({ where: { name: "Roadmap sign-up" } });
    await stack.db.webinar.updateMany({
      where: { subject: "Roadmap 2027" },
      data: { startsAt: new Date(Date.now() - 60_000), status: "LIVE" },
    });
    const visitor = await stack.newPage();
    await visitor.goto(`/f/${form.id}`);
    await visitor.getByText("Registration is closed:").waitFor();
    expect(await visitor.getByRole("button", { name: "Register" }).count()).toBe(0);
    await screenshot(visitor, "hosted-form-closed");
  });

  it("says the webinar has ended and takes no registration, even posted directly", async () => {
    const form = await stack.db.form.findFirstOrThrow({ where: { name: "Roadmap sign-up" } });
    await stack.db.webinar.updateMany({
      where: { subject: "Roadmap 2027" },
      data: {
        startsAt: new Date(Date.now() - 2 * 3_600_000),
        endsAt: new Date(Date.now() - 3_600_000),
        status: "ENDED",
      },
    });
    const visitor = await stack.newPage();
    await visitor.goto(`/f/${form.id}`);
    await visitor.getByText("Registration is closed:").waitFor();
    await visitor.getByText("the webinar has ended").waitFor();
    expect(await visitor.getByRole("button", { name: "Register" }).count()).toBe(0);
    expect(await visitor.getByRole("textbox", { name: /^Email/ }).count()).toBe(0);
    await screenshot(visitor, "hosted-form-ended");

    const before = await stack.db.formSubmission.count({ where: { formId: form.id } });
    const posted = await visitor.request.post(`/f/${form.id}`, {
      form: { email: "late.larry@example.com", firstName: "Larry", lastName: "Late" },
    });
    expect(posted.status()).toBe(410);
    expect(await posted.text()).toContain("the webinar has ended");
    expect(await stack.db.formSubmission.count({ where: { formId: form.id } })).toBe(before);
    expect(await stack.db.prospect.count({ where: { email: "late.larry@example.com" } })).toBe(0);
  });
});
