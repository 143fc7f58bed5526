import { createDb, type Db } from "@gw/db";
import { SUBMISSION_TOKEN_FIELD } from "@gw/domain/forms";
import { REGISTRANT_FIELDS, startTcpProxy, type TcpProxy, waitUntil } from "@gw/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FormsEnv, formBody, startFormsEnv, URLENCODED } from "./forms-harness";

// Issue 19: "accepted, then 500, then saved twice". The API reaches Postgres through a proxy the
// test cuts, so the database looks down to the API alone; assertions read it directly.
let env: FormsEnv;
let proxy: TcpProxy;
let direct: Db;
let formId: string;
let webinarId: string;
let ipCounter = 0;
const nextIp = () => `10.19.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  env = await startFormsEnv("formretry", {
    // No worker: registrations stay pending, and the answer waits its full second for GoTo.
    env: { FORM_REGISTRATION_WAIT_MS: "1000", FORM_RATE_LIMIT_PER_MINUTE: "1000" },
    databaseVia: async (url) => {
      const target = new URL(url);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      target.host = proxy.address;
      direct = createDb(url);
      return target.toString();
    },
  });
  webinarId = (await env.createWebinar()).id;
  formId = await env.createForm({
    name: "Retry me",
    fields: [...REGISTRANT_FIELDS, { name: "city" }],
    completionActions: [
      { type: "REGISTER_WEBINAR", webinarId },
      { type: "ADD_TAG", tag: "retried" },
      { type: "ADJUST_SCORE", points: 5 },
    ],
  });
});
afterAll(async () => {
  await proxy?.restore();
  await env?.close();
  await direct?.$disconnect();
  await proxy?.close();
});
beforeEach(async () => proxy.restore());

const person = (overrides: Record<string, string> = {}) => ({
  email: `grace-${Math.random().toString(36).slice(2, 10)}@example.com`,
  firstName: "Grace",
  lastName: "Hopper",
  city: "Arlington",
  ...overrides,
});

function post(values: Record<string, unknown>, options: { json?: boolean; ip?: string } = {}) {
  return env.api.app.inject({
    method: "POST",
    url: `/f/${formId}`,
    remoteAddress: options.ip ?? nextIp(),
    ...(options.json
      ? { headers: { accept: "application/json", "content-type": "application/json" }, payload: values }
      : {
          headers: { ...URLENCODED, accept: "text/html" },
          payload: formBody(values as Record<string, string>),
        }),
  });
}

/** What is stored for one e-mail: submissions, registration requests, the score. */
async function stored(email: string) {
  const prospects = await direct.prospect.findMany({ where: { email }, include: { tags: true } });
  const ids = prospects.map((p) => p.id);
  return {
    prospects: prospects.length,
    submissions: await direct.formSubmission.count({ where: { prospectId: { in: ids } } }),
    requests: await direct.registrationRequest.count({ where: { prospectId: { in: ids } } }),
    score: prospects[0]?.score ?? 0,
    tags: prospects[0]?.tags.length ?? 0,
  };
}

describe("a retried hosted form submission", () => {
  it("stores one submission and one registration request for six identical posts at once, each answered as accepted", async () => {
    const values = person();
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(values, { json: true })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const answer of answers)
      expect(answer.json()).toMatchObject({ status: "accepted", registrations: [{ status: "pending" }] });
    expect(await stored(values.email)).toEqual({ prospects: 1, submissions: 1, requests: 1, score: 5, tags: 1 });
  });

  it("recognises the page's token even after the retry window; the same answers on a fresh page then are a new submission", async () => {
    const page = await env.api.app.inject({ method: "GET", url: `/f/${formId}` });
    const token = /name="_submission" value="([^"]+)"/.exec(page.body)?.[1];
    expect(token).toBeTruthy();
    const values = { ...person(), [SUBMISSION_TOKEN_FIELD]: token! };
    expect((await post(values)).statusCode).toBe(200);
    // Ten minutes on, the same page resent (a browser's retry) is still the same submission...
    await direct.formSubmissionKey.updateMany({
      where: { formId },
      data: { createdAt: new Date(Date.now() - 11 * 60_000) },
    });
    expect((await post(values)).statusCode).toBe(200);
    expect(await stored(values.email)).toMatchObject({ submissions: 1, requests: 1, score: 5 });
    // ...while a fresh page with the same answers then is a new one,
    const fresh = { ...values, [SUBMISSION_TOKEN_FIELD]: "a-fresh-page-token" };
    expect((await post(fresh)).statusCode).toBe(200);
    expect(await stored(values.email)).toMatchObject({ submissions: 2, requests: 2, score: 10 });
    // and a correction on the same page is stored too (its answers differ).
    expect((await post({ ...fresh, city: "New York" })).statusCode).toBe(200);
    expect(await stored(values.email)).toMatchObject({ submissions: 3 });
  });

  it("answers success once the submission is stored, even when the database goes away right after; the retry stores nothing twice", async () => {
    const values = person();
    const first = post(values, { json: true });
    // The answer waits a second for GoTo (no worker runs); the submission is committed by then.
    await waitUntil("the submission stored", async () => (await stored(values.email)).submissions === 1);
    await proxy.cut();
    const answer = await first;
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: "accepted", registrations: [{ status: "pending" }] });

    await proxy.restore();
    const retry = await post(values, { json: true });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: "accepted", registrations: [{ status: "pending" }] });
    expect(await stored(values.email)).toEqual({ prospects: 1, submissions: 1, requests: 1, score: 5, tags: 1 });
  });
});

describe("the hosted form while the database is down", () => {
  it("answers 503 with Retry-After and a friendly page before anything is saved, and JSON to API callers", async () => {
    await post(person(), { json: true }); // the form is in the cache: the write is what fails
    await proxy.cut();
    const values = person();
    const page = await post(values);
    expect(page.statusCode).toBe(503);
    expect(page.headers["retry-after"]).toBe("10");
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain("Please try again in a minute");
    expect(page.body).toContain("Nothing was stored");
    const json = await post(values, { json: true });
    expect(json.statusCode).toBe(503);
    expect(json.json()).toMatchObject({ statusCode: 503, error: "Service Unavailable" });
    expect(json.json().message).toMatch(/Nothing was stored/);
    // A form not in the API's cache has to be read: 503 too, not a 404 or a 500.
    const form = await env.api.app.inject({ method: "GET", url: "/f/5b0c4a52-4b8e-4e0b-9c5e-2f0b9b0a1e11" });
    expect(form.statusCode).toBe(503);
    expect(form.headers["retry-after"]).toBe("10");

    await proxy.restore();
    expect(await stored(values.email)).toEqual({ prospects: 0, submissions: 0, requests: 0, score: 0, tags: 0 });
    expect((await post(values, { json: true })).statusCode).toBe(200);
    expect(await stored(values.email)).toMatchObject({ submissions: 1, requests: 1 });
  });
});

describe("hosted form fields", () => {
  it("refuses a list or an object for a text field with a 400 naming it, and stores nothing", async () => {
    const values = person();
    const list = await post({ ...values, firstName: ["Grace", "Brewster"] }, { json: true });
    expect(list.statusCode).toBe(400);
    expect(list.json().fields).toEqual([
      { field: "firstName", message: expect.stringMatching(/single value, not a list/) },
    ]);
    const object = await post({ ...values, city: { name: "Arlington" } }, { json: true });
    expect(object.statusCode).toBe(400);
    expect(object.json().fields).toEqual([{ field: "city", message: expect.stringMatching(/not an object/) }]);
    // A browser body with the field twice is a list too.
    const twice = await env.api.app.inject({
      method: "POST",
      url: `/f/${formId}`,
      remoteAddress: nextIp(),
      headers: { ...URLENCODED, accept: "text/html" },
      payload: `${formBody(values)}&lastName=Again`,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toMatch(/Last name must be a single value/);
    // Numbers are taken as their text, on purpose.
    const number = await post({ ...values, city: 42 }, { json: true });
    expect(number.statusCode).toBe(200);
    expect(await stored(values.email)).toMatchObject({ submissions: 1 });
  });
});
