import { createConnector, createWebinar } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAndLogin } from "./auth-helpers";
import { type FormsEnv, startFormsEnv } from "./forms-harness";

let env: FormsEnv;

beforeAll(async () => {
  env = await startFormsEnv("forms");
});
afterAll(async () => {
  await env?.close();
});

const registrationFields = [
  { name: "email" },
  { name: "firstName", required: true },
  { name: "lastName", required: true },
  { name: "organization", label: "Company" },
];

async function post(url: string, payload: unknown, headers = env.user.headers) {
  return env.api.app.inject({ method: "POST", url, headers, payload: payload as object });
}

describe("forms API", () => {
  it("creates a form that registers for a webinar, with custom questions mapped to GoTo's answer keys", async () => {
    const webinar = await env.createWebinar({
      questions: [
        { question: "What is your role?", type: "multipleChoice", answers: ["Marketing", "Sales"] },
        { question: "What do you hope to learn?", type: "shortAnswer" },
      ],
    });
    const [roleKey, hopeKey] = webinar.questionKeys;
    const res = await post("/api/forms", {
      name: "Spring webinar",
      fields: [
        ...registrationFields,
        { questionKey: roleKey, required: true },
        { questionKey: hopeKey, label: "Your goal" },
      ],
      thankYouMessage: "See you there!",
      completionActions: [
        { type: "REGISTER_WEBINAR", webinarId: webinar.id },
        { type: "ADD_TAG", tag: "webinar-lead" },
        { type: "ADJUST_SCORE", points: 5 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const form = res.json();
    expect(form.hostedUrl).toBe(`${env.api.config.http.publicUrl}/f/${form.id}`);
    expect(form.fields[0]).toEqual({ kind: "standard", name: "email", label: "Email", required: true });
    expect(form.fields[3]).toEqual({ kind: "standard", name: "organization", label: "Company", required: false });
    const role = form.fields[4];
    expect(role).toMatchObject({
      kind: "question",
      name: `q${roleKey}`,
      label: "What is your role?",
      questionKey: roleKey,
      questionType: "multipleChoice",
      required: true,
    });
    const gotoWebinar = await env.sim.control.webinar(webinar.webinarKey);
    expect(role.options).toEqual(
      gotoWebinar.questions[0]!.answers.map((a) => ({ answerKey: a.answerKey, label: a.answer })),
    );
    expect(form.fields[5]).toMatchObject({
      questionKey: hopeKey,
      label: "Your goal",
      questionType: "shortAnswer",
      required: false,
    });
    expect(form.completionActions).toEqual([
      { type: "REGISTER_WEBINAR", webinarId: webinar.id },
      { type: "ADD_TAG", tag: "webinar-lead" },
      { type: "ADJUST_SCORE", points: 5 },
    ]);

    const got = await env.api.app.inject({ method: "GET", url: `/api/forms/${form.id}`, headers: env.user.headers });
    expect(got.json()).toEqual(form);
    const list = await env.api.app.inject({ method: "GET", url: "/api/forms", headers: env.user.headers });
    expect(list.json().forms.map((f: { id: string }) => f.id)).toContain(form.id);
  });

  it("refuses a register form without email, first and last name as required fields, saying so", async () => {
    const webinar = await env.createWebinar();
    const res = await post("/api/forms", {
      name: "Incomplete",
      fields: [{ name: "email" }, { name: "firstName" }],
      completionActions: [{ type: "REGISTER_WEBINAR", webinarId: webinar.id }],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.message).toMatch(/must have email, first name and last name as required fields/);
    expect(body.message).toMatch(/first name, last name/);
    expect(body.fields).toEqual([{ field: "fields", message: body.message }]);
  });

  it("refuses a form without an email field, or with an optional one", async () => {
    const noEmail = await post("/api/forms", { name: "No email", fields: [{ name: "firstName" }] });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().message).toMatch(/needs an email field/);
    const optional = await post("/api/forms", { name: "Optional email", fields: [{ name: "email", required: false }] });
    expect(optional.statusCode).toBe(400);
    expect(optional.json().fields[0].field).toBe("fields.0.required");
  });

  it("validates every body with a 400 naming the field", async () => {
    const res = await post("/api/forms", {
      name: "",
      fields: [{ name: "email", questionKey: "123" }],
      redirectUrl: "javascript:alert(1)",
      completionActions: [{ type: "ADJUST_SCORE", points: 0 }],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(["body.name", "body.fields.0", "body.redirectUrl", "body.completionActions.0.points"]),
    );
    const unknownField = await post("/api/forms", { name: "x", fields: [{ name: "shoeSize" }] });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().fields[0].field).toBe("body.fields.0.name");
  });

  it("offers only upcoming webinars of verified connectors in the picker, never past ones", async () => {
    const upcoming = await env.createWebinar({ subject: "Upcoming one" });
    const past = await env.createWebinar({ subject: "Past one", startsInMinutes: -3 * 24 * 60 });
    const started = await env.createWebinar({ subject: "Started one", startsInMinutes: -10, durationMinutes: 120 });
    const cancelled = await env.createWebinar({ subject: "Cancelled one" });
    await env.api.deps.db.webinar.update({
      where: { id: cancelled.id },
      data: { status: "CANCELLED", cancelledAt: new Date() },
    });
    const unverified = await createConnector(env.api.deps.db, { accountId: env.user.accountId, status: "ERROR" });
    const ofUnverified = await createWebinar(env.api.deps.db, {
      accountId: env.user.accountId,
      connectorId: unverified.id,
      subject: "Unverified one",
    });

    const res = await env.api.app.inject({
      method: "GET",
      url: "/api/forms/webinar-options",
      headers: env.user.headers,
    });
    expect(res.statusCode).toBe(200);
    const ids = res.json().webinars.map((w: { id: string }) => w.id);
    expect(ids).toContain(upcoming.id);
    for (const hidden of [past.id, started.id, cancelled.id, ofUnverified.id]) expect(ids).not.toContain(hidden);
    const offered = res.json().webinars.find((w: { id: string }) => w.id === upcoming.id);
    expect(offered).toMatchObject({ subject: "Upcoming one", connector: { id: env.connector.id } });

    for (const [webinarId, reason] of [
      [past.id, /Pick an upcoming webinar.*has ended/],
      [started.id, /Pick an upcoming webinar.*has started/],
      [cancelled.id, /cancelled/],
      [ofUnverified.id, /not verified/],
    ] as const) {
      const refused = await post("/api/forms", {
        name: "Late",
        fields: registrationFields,
        completionActions: [{ type: "REGISTER_WEBINAR", webinarId }],
      });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().message).toMatch(reason);
      expect(refused.json().fields[0].field).toBe("completionActions.0.webinarId");
    }
  });

  it("maps custom questions only to the webinar's own questions and requires GoTo's required ones", async () => {
    const webinar = await env.createWebinar({
      questions: [{ question: "Team size?", type: "shortAnswer", required: true }],
      requiredFields: ["organization"],
    });
    const unknown = await post("/api/forms", {
      name: "Wrong question",
      fields: [...registrationFields, { questionKey: "123456789" }],
      completionActions: [{ type: "REGISTER_WEBINAR", webinarId: webinar.id }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].field).toBe("fields.4.questionKey");

    const missingRequired = await post("/api/forms", {
      name: "Missing required",
      fields: [...registrationFields, { questionKey: webinar.questionKeys[0] }],
      completionActions: [{ type: "REGISTER_WEBINAR", webinarId: webinar.id }],
    });
    expect(missingRequired.statusCode).toBe(400);
    expect(missingRequired.json().message).toMatch(/GoTo Webinar requires "Organization"/);

    const ok = await post("/api/forms", {
      name: "Complete",
      fields: [
        { name: "email" },
        { name: "firstName", required: true },
        { name: "lastName", required: true },
        { name: "organization", required: true },
        { questionKey: webinar.questionKeys[0] },
      ],
      completionActions: [{ type: "REGISTER_WEBINAR", webinarId: webinar.id }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().fields[4].required).toBe(true);

    const questions = await env.api.app.inject({
      method: "GET",
      url: `/api/forms/webinar-options/${webinar.id}/questions`,
      headers: env.user.headers,
    });
    expect(questions.statusCode).toBe(200);
    expect(questions.json().questions).toEqual([
      expect.objectContaining({ questionKey: webinar.questionKeys[0], question: "Team size?", required: true }),
    ]);
    expect(questions.json().fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "organization", required: true })]),
    );
  });

  it("refuses a custom question without a register action, and lists and tags of nowhere", async () => {
    const noRegister = await post("/api/forms", { name: "Q", fields: [{ name: "email" }, { questionKey: "42" }] });
    expect(noRegister.statusCode).toBe(400);
    expect(noRegister.json().message).toMatch(/needs a register-for-webinar action/);
    const badList = await post("/api/forms", {
      name: "L",
      fields: [{ name: "email" }],
      completionActions: [{ type: "ADD_TO_LIST", listId: "00000000-0000-4000-8000-000000000000" }],
    });
    expect(badList.statusCode).toBe(400);
    expect(badList.json().fields[0].field).toBe("completionActions.0.listId");
    const list = await env.api.deps.db.list.create({
      data: { accountId: env.user.accountId, name: `List ${Date.now()}` },
    });
    const good = await post("/api/forms", {
      name: "L",
      fields: [{ name: "email" }],
      completionActions: [{ type: "ADD_TO_LIST", listId: list.id }],
    });
    expect(good.statusCode).toBe(201);
  });

  it("updates, archives and scopes forms to the account", async () => {
    const created = await post("/api/forms", { name: "Newsletter", fields: [{ name: "email" }] });
    const id = created.json().id;
    const updated = await env.api.app.inject({
      method: "PUT",
      url: `/api/forms/${id}`,
      headers: env.user.headers,
      payload: {
        name: "Newsletter v2",
        fields: [{ name: "email" }, { name: "firstName" }],
        redirectUrl: "https://example.com/thanks",
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: "Newsletter v2", redirectUrl: "https://example.com/thanks" });

    const stranger = await createUserAndLogin(env.api);
    const foreign = await env.api.app.inject({ method: "GET", url: `/api/forms/${id}`, headers: stranger.headers });
    expect(foreign.statusCode).toBe(404);
    const foreignPut = await env.api.app.inject({
      method: "PUT",
      url: `/api/forms/${id}`,
      headers: stranger.headers,
      payload: { name: "Hijack", fields: [{ name: "email" }] },
    });
    expect(foreignPut.statusCode).toBe(404);

    const archived = await env.api.app.inject({
      method: "POST",
      url: `/api/forms/${id}/archive`,
      headers: env.user.headers,
    });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const list = await env.api.app.inject({ method: "GET", url: "/api/forms", headers: env.user.headers });
    expect(list.json().forms.map((f: { id: string }) => f.id)).not.toContain(id);
    const withArchived = await env.api.app.inject({
      method: "GET",
      url: "/api/forms?includeArchived=true",
      headers: env.user.headers,
    });
    expect(withArchived.json().forms.map((f: { id: string }) => f.id)).toContain(id);
    const editArchived = await env.api.app.inject({
      method: "PUT",
      url: `/api/forms/${id}`,
      headers: env.user.headers,
      payload: { name: "Again", fields: [{ name: "email" }] },
    });
    expect(editArchived.statusCode).toBe(409);
  });

  it("needs a session, and the CSRF token for changes", async () => {
    expect((await env.api.app.inject({ method: "GET", url: "/api/forms" })).statusCode).toBe(401);
    const noCsrf = await env.api.app.inject({
      method: "POST",
      url: "/api/forms",
      headers: { cookie: env.user.headers.cookie },
      payload: { name: "x", fields: [{ name: "email" }] },
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it("documents every forms, hosted form and registration route in OpenAPI", async () => {
    const doc = (await env.api.app.inject({ method: "GET", url: "/docs/json" })).json();
    for (const path of [
      "/api/forms",
      "/api/forms/{formId}",
      "/api/forms/{formId}/archive",
      "/api/forms/webinar-options",
      "/api/forms/webinar-options/{webinarId}/questions",
      "/f/{formId}",
      "/api/registration-requests",
      "/api/registration-requests/{requestId}/retry",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths["/f/{formId}"].post.summary).toBe("Submit a hosted form");
  });
});
