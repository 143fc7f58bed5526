import { beforeAll, describe, expect, it } from "vitest";
import { formBody, submitFormJson, URLENCODED, useFormsEnv } from "./forms-harness";

// The hosted form names its webinar, closes once it has started, and the thank-you answer gives
// GoTo's join link and the webinar for the visitor's calendar.
const env = useFormsEnv("formwebinar", { env: { FORM_RATE_LIMIT_PER_MINUTE: "10000" } });
beforeAll(() => env.startWorker());

describe("the hosted form's webinar", () => {
  it("shows the webinar's title, time in its zone, duration, organizer and description", async () => {
    const webinar = await env.createWebinar({ subject: "Roadmap 2027", durationMinutes: 45, timeZone: "Europe/Paris" });
    await env.api.deps.db.webinar.update({
      where: { id: webinar.id },
      data: { description: "What ships next year.", timeZone: "Europe/Paris" },
    });
    const formId = await env.createRegisterForm(webinar.id);
    const page = await env.api.app.inject({ method: "GET", url: `/f/${formId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="webinar-title">Roadmap 2027</h2>');
    expect(page.body).toContain("(Europe/Paris)");
    expect(page.body).toMatch(/<time datetime="[^"]+Z" data-end="[^"]+Z" data-zone="Europe\/Paris">/);
    expect(page.body).toMatch(/CES?T/);
    expect(page.body).toContain("45 minutes");
    expect(page.body).toContain("What ships next year.");
    expect(page.body).toMatch(/<dt>Organizer<\/dt><dd>[^<]+<\/dd>/);
    expect(page.body).toContain('<form method="post"');
  });

  it("says registration is closed for a webinar that has started, and takes no submission", async () => {
    const webinar = await env.createWebinar({ subject: "Already live" });
    const formId = await env.createRegisterForm(webinar.id);
    await env.api.deps.db.webinar.update({
      where: { id: webinar.id },
      data: { startsAt: new Date(Date.now() - 60_000), status: "LIVE" },
    });
    // The form cache keeps definitions for a couple of seconds; the webinar is read fresh.
    const page = await env.api.app.inject({ method: "GET", url: `/f/${formId}` });
    expect(page.body).toContain("Registration is closed:</strong> the webinar has started.");
    expect(page.body).not.toContain("<form");

    const before = await env.api.deps.db.formSubmission.count({ where: { formId } });
    const refused = await submitFormJson(env, formId, {
      email: "late@example.com",
      firstName: "Lee",
      lastName: "Late",
    });
    expect(refused.statusCode).toBe(410);
    expect(refused.json().message).toBe(
      "Registration for “Already live” is closed: the webinar has started. Nothing was sent.",
    );
    expect(await env.api.deps.db.formSubmission.count({ where: { formId } })).toBe(before);
  });

  it("answers with GoTo's join link and calendar links (JSON and the thank-you page), and serves the .ics", async () => {
    const webinar = await env.createWebinar({ subject: "Launch briefing", durationMinutes: 30 });
    const formId = await env.createRegisterForm(webinar.id);
    const json = await submitFormJson(env, formId, { email: "jo@example.com", firstName: "Jo", lastName: "Joiner" });
    expect(json.statusCode).toBe(200);
    const [registration] = json.json().registrations;
    expect(registration.status).toBe("registered");
    const [registrant] = await env.sim.control.registrants(webinar.webinarKey);
    expect(registrant?.joinUrl).toBeTruthy();
    expect(registration.joinUrl).toBe(registrant?.joinUrl);
    expect(registration.calendar.google).toMatch(
      /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=Launch\+briefing/,
    );
    expect(registration.calendar.outlook).toMatch(/^https:\/\/outlook\.live\.com\//);

    const ics = await env.api.app.inject({
      method: "GET",
      url: new URL(registration.calendar.ics).pathname + new URL(registration.calendar.ics).search,
    });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(ics.body).toContain("BEGIN:VEVENT");
    expect(ics.body).toContain("SUMMARY:Launch briefing");
    expect(ics.body.replace(/\r\n /g, "")).toContain(`URL;VALUE=URI:${registrant?.joinUrl}`);
    // Without the registration (or from another form) the file has the webinar, not anyone's link.
    const anonymous = await env.api.app.inject({ method: "GET", url: `/f/${formId}/calendar.ics` });
    expect(anonymous.body).toContain("SUMMARY:Launch briefing");
    expect(anonymous.body).not.toContain("URL;VALUE=URI");

    const html = await env.api.app.inject({
      method: "POST",
      url: `/f/${formId}`,
      headers: URLENCODED,
      payload: formBody({ email: "kim@example.com", firstName: "Kim", lastName: "Keen" }),
    });
    expect(html.statusCode).toBe(200);
    expect(html.body).toMatch(/<a class="join" href="[^"]+">Join the webinar<\/a>/);
    expect(html.body).toContain("Calendar file (.ics)");
    expect(html.body).toContain(">Google Calendar</a>");
  });
});
