import { createProspect, REGISTRANT_FIELDS } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FormsEnv, formBody, startFormsEnv, URLENCODED } from "./forms-harness";

let env: FormsEnv;
let webinar: Awaited<ReturnType<FormsEnv["createWebinar"]>>;
let formId: string;
let listId: string;
const RATE_LIMIT = 5;

let ipCounter = 0;
/** Each test posts from its own address so the per-IP rate limit only bites where it is tested. */
const nextIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  // No worker runs here: answers do not wait for the push (hosted-form-registration.test.ts does).
  env = await startFormsEnv("hostedform", {
    env: { FORM_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT), FORM_REGISTRATION_WAIT_MS: "0" },
  });
  webinar = await env.createWebinar({
    subject: "Product tour",
    questions: [{ question: "Your role?", type: "multipleChoice", answers: ["Marketing", "Sales"] }],
  });
  listId = (await env.api.deps.db.list.create({ data: { accountId: env.user.accountId, name: "Tour attendees" } })).id;
  formId = await env.createForm({
    name: "Register for the product tour",
    fields: [
      ...REGISTRANT_FIELDS,
      { name: "organization" },
      { name: "questionsAndComments" },
      { questionKey: webinar.questionKeys[0], required: true },
    ],
    thankYouMessage: "You're in! Check your inbox for the join link.",
    completionActions: [
      { type: "REGISTER_WEBINAR", webinarId: webinar.id },
      { type: "ADD_TO_LIST", listId },
      { type: "ADD_TAG", tag: "tour" },
      { type: "ADJUST_SCORE", points: 7 },
    ],
  });
});
afterAll(async () => {
  await env?.close();
});

const questionField = () => `q${webinar.questionKeys[0]}`;
const answerKey = async (index: number) =>
  (await env.sim.control.webinar(webinar.webinarKey)).questions[0]!.answers[index]!.answerKey;

async function submit(values: Record<string, string>, options: { ip?: string; json?: boolean; id?: string } = {}) {
  return env.api.app.inject({
    method: "POST",
    url: `/f/${options.id ?? formId}`,
    remoteAddress: options.ip ?? nextIp(),
    ...(options.json
      ? { headers: { accept: "application/json", "content-type": "application/json" }, payload: values }
      : { headers: { ...URLENCODED, accept: "text/html,application/xhtml+xml" }, payload: formBody(values) }),
  });
}

async function person(overrides: Record<string, string> = {}) {
  return {
    email: `ada-${Math.random().toString(36).slice(2, 10)}@example.com`,
    firstName: "Ada",
    lastName: "Lovelace",
    organization: "Analytical Engines",
    [questionField()]: await answerKey(1),
    ...overrides,
  };
}

const prospectsWith = (email: string) =>
  env.api.deps.db.prospect.findMany({
    where: { accountId: env.user.accountId, email: { equals: email, mode: "insensitive" } },
  });

describe("the hosted form page", () => {
  it("is accessible HTML that works without JavaScript", async () => {
    const res = await env.api.app.inject({ method: "GET", url: `/f/${formId}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    const page = res.body;
    expect(page).toMatch(/<html lang="en">/);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain(`<form method="post" action="/f/${formId}"`);
    // One script, inline and allowed by its hash: it only adds the visitor's local time beside the webinar's.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script[^>]*src=/);
    for (const [name, autocomplete] of [
      ["email", "email"],
      ["firstName", "given-name"],
      ["lastName", "family-name"],
      ["organization", "organization"],
    ]) {
      expect(page).toContain(`<label for="f-${name}">`);
      expect(page).toMatch(new RegExp(`<input id="f-${name}" name="${name}"[^>]* autocomplete="${autocomplete}"`));
    }
    expect(page).toMatch(/<input id="f-email" name="email" required aria-required="true" type="email"/);
    expect(page).toContain('Company <span class="optional">(optional)</span>'.replace("Company", "Organization"));
    expect(page).toMatch(/<textarea id="f-questionsAndComments"/);
    expect(page).toContain(
      `<select id="f-${questionField()}" name="${questionField()}" required aria-required="true">`,
    );
    expect(page).toContain(`<option value="${await answerKey(0)}">Marketing</option>`);
    expect(page).toMatch(
      /<div class="hp" aria-hidden="true">[\s\S]*<input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off"/,
    );
    expect(page).toContain('<button type="submit">Register</button>');
  });

  it("answers 404 for an unknown form and 410 for an archived one, with a friendly page", async () => {
    const unknown = await env.api.app.inject({ method: "GET", url: "/f/8a0c4a52-4b8e-4e0b-9c5e-2f0b9b0a1e11" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("<h1>Form not found</h1>");
    expect((await env.api.app.inject({ method: "GET", url: "/f/not-a-uuid" })).statusCode).toBe(404);

    const created = await env.api.app.inject({
      method: "POST",
      url: "/api/forms",
      headers: env.user.headers,
      payload: { name: "Old", fields: [{ name: "email" }] },
    });
    await env.api.app.inject({
      method: "POST",
      url: `/api/forms/${created.json().id}/archive`,
      headers: env.user.headers,
    });
    const archived = await env.api.app.inject({ method: "GET", url: `/f/${created.json().id}` });
    expect(archived.statusCode).toBe(410);
    expect(archived.body).toContain("no longer accepts submissions");
    const posted = await submit({ email: "late@example.com" }, { id: created.json().id, json: true });
    expect(posted.statusCode).toBe(410);
    expect(posted.json()).toMatchObject({
      statusCode: 410,
      error: "Gone",
      message: expect.stringContaining("no longer accepts submissions"),
    });
  });
});

describe("submitting the hosted form", () => {
  it("re-renders with field-level messages and keeps (escaped) what the person typed", async () => {
    const before = await env.api.deps.db.formSubmission.count();
    const res = await submit({
      email: "not-an-email",
      firstName: '<script>alert("x")</script>',
      lastName: "",
      organization: "Acme & Co",
    });
    expect(res.statusCode).toBe(400);
    const page = res.body;
    expect(page).toContain("<title>Error: Register for the product tour</title>");
    expect(page).toMatch(
      /<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>/,
    );
    expect(page).toContain('<a href="#f-lastName">Last name is required</a>');
    expect(page).toContain('<a href="#f-email">Enter an email address in the right format, like name@example.com</a>');
    expect(page).toContain(`<a href="#f-${questionField()}">Your role? is required</a>`);
    expect(page).toMatch(
      /<input id="f-lastName" name="lastName" required aria-required="true" aria-invalid="true" aria-describedby="f-lastName-error"/,
    );
    expect(page).toContain(
      '<p class="error-message" id="f-lastName-error"><span class="visually-hidden">Error:</span> Last name is required</p>',
    );
    expect(page).toContain('value="not-an-email"');
    expect(page).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
    expect(page).not.toContain('<script>alert("x")</script>');
    expect(page).toContain('value="Acme &amp; Co"');
    expect(page).toMatch(/<input id="f-firstName" name="firstName" required aria-required="true" type="text"/);
    expect(await env.api.deps.db.formSubmission.count()).toBe(before);
  });

  it("answers API callers in JSON, with 400 naming each bad field", async () => {
    const bad = await submit({ email: "x@example.com", firstName: "Al" } as Record<string, string>, { json: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/application\/json/);
    expect(bad.json().fields).toEqual([
      { field: "lastName", message: "Last name is required" },
      { field: questionField(), message: "Your role? is required" },
    ]);
    const wrongChoice = await submit(await person({ [questionField()]: "999" }), { json: true });
    expect(wrongChoice.statusCode).toBe(400);
    expect(wrongChoice.json().fields).toEqual([
      { field: questionField(), message: "Choose one of the options for Your role?" },
    ]);
    const good = await submit(await person(), { json: true });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({
      status: "accepted",
      message: "You're in! Check your inbox for the join link.",
      registrations: [{ status: "pending", joinUrl: null, calendar: { ics: expect.stringContaining(".ics") } }],
    });
  });

  it("stores the prospect, the submission and a registration request, enqueues its push, and shows the thank-you", async () => {
    const values = await person({ questionsAndComments: "Will there be a recording?" });
    const res = await submit(values);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("You&#39;re in! Check your inbox for the join link.");
    expect(res.body).toContain('role="status"');

    const [prospect] = await prospectsWith(values.email);
    expect(prospect).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace",
      company: "Analytical Engines",
      questionsAndComments: "Will there be a recording?",
      source: "FORM",
      score: 7,
    });
    expect(prospect!.customFields).toEqual({ "Your role?": "Sales" });
    const submission = await env.api.deps.db.formSubmission.findFirstOrThrow({ where: { prospectId: prospect!.id } });
    expect(submission).toMatchObject({ formId, ip: expect.stringMatching(/^10\.1\./) });
    const request = await env.api.deps.db.registrationRequest.findFirstOrThrow({ where: { prospectId: prospect!.id } });
    expect(request).toMatchObject({
      status: "PENDING",
      webinarId: webinar.id,
      formSubmissionId: submission.id,
      attempts: 0,
    });
    expect(request.payload).toEqual({
      email: values.email,
      firstName: "Ada",
      lastName: "Lovelace",
      fields: { organization: "Analytical Engines", questionsAndComments: "Will there be a recording?" },
      responses: [{ questionKey: webinar.questionKeys[0], answerKey: await answerKey(1) }],
      source: "Register for the product tour",
    });
    expect(request.giveUpAt.getTime() - request.createdAt.getTime()).toBeGreaterThan(24 * 3_600_000 - 5_000);
    const job = await env.api.deps.queues.registrations.getJob(`register-${request.id}-0`);
    expect(job?.data.payload).toEqual({ requestId: request.id, attempt: 0 });

    expect(await env.api.deps.db.listMembership.count({ where: { listId, prospectId: prospect!.id } })).toBe(1);
    const tags = await env.api.deps.db.prospectTag.findMany({
      where: { prospectId: prospect!.id },
      include: { tag: true },
    });
    expect(tags.map((t) => t.tag.name)).toEqual(["tour"]);
  });

  it("redirects to the form's redirect URL with a 303", async () => {
    const created = await env.api.app.inject({
      method: "POST",
      url: "/api/forms",
      headers: env.user.headers,
      payload: { name: "Newsletter", fields: [{ name: "email" }], redirectUrl: "https://example.com/thanks?from=form" },
    });
    const res = await submit({ email: "news@example.com" }, { id: created.json().id });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("https://example.com/thanks?from=form");
  });

  it("gives a filled honeypot the normal thank-you and stores nothing", async () => {
    const values = await person({ website: "http://spam.example" });
    const before = await env.api.deps.db.formSubmission.count();
    const res = await submit(values);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Check your inbox for the join link.");
    expect(await prospectsWith(values.email)).toEqual([]);
    expect(await env.api.deps.db.formSubmission.count()).toBe(before);
    const json = await submit(values, { json: true });
    expect(json.json()).toEqual({ status: "accepted", message: "You're in! Check your inbox for the join link." });
    expect(await prospectsWith(values.email)).toEqual([]);
  });

  it("limits posts per IP address with a 429 page", async () => {
    const ip = nextIp();
    for (let i = 0; i < RATE_LIMIT; i++) expect((await submit(await person(), { ip })).statusCode).toBe(200);
    const limited = await submit(await person(), { ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["content-type"]).toMatch(/^text\/html/);
    expect(limited.body).toContain("<h1>Too many submissions</h1>");
    const limitedJson = await submit(await person(), { ip, json: true });
    expect(limitedJson.statusCode).toBe(429);
    expect(limitedJson.json()).toMatchObject({ statusCode: 429, error: "Too Many Requests" });
    expect((await submit(await person(), { ip: nextIp() })).statusCode).toBe(200);
  });

  it("does not run completion actions for a filtered prospect, so it is not registered", async () => {
    const filtered = await createProspect(env.api.deps.db, {
      accountId: env.user.accountId,
      email: `employee-${Date.now()}@example.com`,
      filtered: true,
      score: 3,
    });
    const res = await submit(await person({ email: filtered.email.toUpperCase(), firstName: "Eve" }));
    expect(res.statusCode).toBe(200);
    const after = await env.api.deps.db.prospect.findUniqueOrThrow({ where: { id: filtered.id } });
    expect(after).toMatchObject({ firstName: "Eve", score: 3 });
    expect(await env.api.deps.db.formSubmission.count({ where: { prospectId: filtered.id } })).toBe(1);
    expect(await env.api.deps.db.registrationRequest.count({ where: { prospectId: filtered.id } })).toBe(0);
    expect(await env.api.deps.db.listMembership.count({ where: { prospectId: filtered.id } })).toBe(0);
    expect(await env.api.deps.db.prospectTag.count({ where: { prospectId: filtered.id } })).toBe(0);
  });

  it("creates a NEW prospect for an e-mail that belongs to a merged-away record, as Pardot does", async () => {
    const master = await createProspect(env.api.deps.db, {
      accountId: env.user.accountId,
      email: `a-${Date.now()}@example.com`,
    });
    const merged = await createProspect(env.api.deps.db, {
      accountId: env.user.accountId,
      email: `b-${Date.now()}@example.com`,
      mergedIntoId: master.id,
    });
    const res = await submit(await person({ email: ` ${merged.email.toUpperCase()} ` }));
    expect(res.statusCode).toBe(200);
    const all = await prospectsWith(merged.email);
    expect(all).toHaveLength(2);
    const fresh = all.find((p) => p.id !== merged.id)!;
    expect(fresh).toMatchObject({ mergedIntoId: null, source: "FORM", email: merged.email.toUpperCase() });
    expect(await env.api.deps.db.registrationRequest.count({ where: { prospectId: fresh.id } })).toBe(1);
    expect(
      await env.api.deps.db.registrationRequest.count({ where: { prospectId: { in: [master.id, merged.id] } } }),
    ).toBe(0);
  });

  it("matches an existing prospect case-insensitively and never blanks out what is known", async () => {
    const known = await createProspect(env.api.deps.db, {
      accountId: env.user.accountId,
      email: `Known-${Date.now()}@Example.com`,
      company: "Acme",
      jobTitle: "CTO",
    });
    const res = await submit(await person({ email: `  ${known.email.toLowerCase()}  `, organization: "" }));
    expect(res.statusCode).toBe(200);
    const all = await prospectsWith(known.email);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: known.id,
      email: known.email,
      company: "Acme",
      jobTitle: "CTO",
      firstName: "Ada",
    });
  });

  it("makes one prospect when the same new e-mail is submitted several times at once", async () => {
    const values = await person();
    // Different comments: six submissions, not one retried (hosted-form-retries.test.ts).
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => submit({ ...values, questionsAndComments: `Question ${i}` })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const all = await prospectsWith(values.email);
    expect(all).toHaveLength(1);
    expect(await env.api.deps.db.formSubmission.count({ where: { prospectId: all[0]!.id } })).toBe(6);
  });
});
