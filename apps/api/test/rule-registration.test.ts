import { createProspect } from "@gw/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { formBody, URLENCODED, useFormsEnv, waitFor } from "./forms-harness";

// A rule's register action and a form's both reach GoTo through the registration outbox; the
// prospect detail must say which one made each registration, also once retention has removed
// the form's submission.
const env = useFormsEnv("rulereg", { env: { FORM_RATE_LIMIT_PER_MINUTE: "10000" } });
beforeAll(() => env.startWorker());

const inject = (method: "GET" | "POST", url: string, payload?: object) =>
  env.api.app.inject({ method, url, headers: env.user.headers, ...(payload ? { payload } : {}) });

const succeeded = (prospectId: string) =>
  waitFor(`${prospectId}'s registration to reach GoTo`, async () => {
    const request = await env.api.deps.db.registrationRequest.findFirst({ where: { prospectId } });
    if (request?.status === "FAILED") throw new Error(`registration failed: ${request.lastError}`);
    return request?.status === "SUCCEEDED" ? request : undefined;
  });

async function detailOf(prospectId: string) {
  const res = await inject("GET", `/api/prospects/${prospectId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("where a registration came from", () => {
  it("reads RULE for an automation rule's registration and FORM for a form's, after the submission is gone too", async () => {
    const webinar = await env.createWebinar();
    const ruled = await createProspect(env.api.deps.db, {
      accountId: env.user.accountId,
      email: "rule.registered@example.com",
      firstName: "Rui",
      lastName: "Lopes",
    });
    const rule = await inject("POST", "/api/rules", {
      name: "Register the rule lead",
      criteria: {
        type: "group",
        match: "all",
        conditions: [{ type: "field", field: "email", op: "equals", value: "rule.registered@example.com" }],
      },
      actions: [{ type: "REGISTER_WEBINAR", webinarId: webinar.id }],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const enabled = await inject("POST", `/api/rules/${rule.json().id}/enable`);
    expect(enabled.json()).toMatchObject({ acted: 1 });

    const formId = await env.createRegisterForm(webinar.id);
    const submitted = await env.api.app.inject({
      method: "POST",
      url: `/f/${formId}`,
      headers: URLENCODED,
      payload: formBody({ email: "form.registered@example.com", firstName: "Flo", lastName: "Martin" }),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const formed = await env.api.deps.db.prospect.findFirstOrThrow({
      where: { accountId: env.user.accountId, email: "form.registered@example.com" },
    });

    await succeeded(ruled.id);
    const formRequest = await succeeded(formed.id);
    // What the hourly retention does to an old submission: its request loses the link.
    await env.api.deps.db.formSubmission.delete({ where: { id: formRequest.formSubmissionId! } });

    const byRule = await detailOf(ruled.id);
    expect(byRule.registrations).toEqual([
      expect.objectContaining({ webinar: expect.objectContaining({ id: webinar.id }), source: "RULE" }),
    ]);
    expect(byRule.registrationRequests).toEqual([expect.objectContaining({ status: "SUCCEEDED", origin: "RULE" })]);

    const byForm = await detailOf(formed.id);
    expect(byForm.registrations).toEqual([
      expect.objectContaining({ webinar: expect.objectContaining({ id: webinar.id }), source: "FORM" }),
    ]);
    expect(byForm.registrationRequests).toEqual([expect.objectContaining({ status: "SUCCEEDED", origin: "FORM" })]);
  });
});
