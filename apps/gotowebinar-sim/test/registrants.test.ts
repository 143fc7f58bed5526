import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { RegisterRequest } from "../src/control/types";
import { HOUR, startTestSim } from "./helpers";

const sim = await startTestSim({ accessTokenTtlSeconds: 365 * 24 * 3600 });
afterAll(() => sim.close());

let webinarKey = "";
let roleKey = "";
let roleAnswers: Array<{ answerKey: string; answer: string }> = [];
let goalKey = "";

beforeEach(async () => {
  await sim.control.reset(3);
  await sim.newToken();
  const seeded = await sim.control.scenario({
    webinars: [
      {
        subject: "Future",
        startsInMinutes: 24 * 60,
        questions: [
          { question: "Your role?", type: "multipleChoice", required: true, answers: ["Buyer", "User"] },
          { question: "Your goal?", type: "shortAnswer" },
        ],
      },
    ],
  });
  webinarKey = seeded.webinars[0]?.webinarKey ?? "";
  const webinar = await sim.control.webinar(webinarKey);
  roleKey = webinar.questions[0]?.questionKey ?? "";
  roleAnswers = webinar.questions[0]?.answers ?? [];
  goalKey = webinar.questions[1]?.questionKey ?? "";
});

const path = () => `/organizers/${sim.organizerKey}/webinars/${webinarKey}/registrants`;

/** A body with 19-digit keys as bare JSON numbers, the way GoTo clients send them. */
function registrantBody(email: string, extra = ""): string {
  return `{"firstName":"Ada","lastName":"Lovelace","email":"${email}","responses":[{"questionKey":${roleKey},"answerKey":${roleAnswers[1]?.answerKey}},{"questionKey":${goalKey},"responseText":"Learn"}]${extra}}`;
}

describe("registration fields", () => {
  it("lists the form fields and the custom questions with numeric keys", async () => {
    const res = await sim.api(`${path()}/fields`);
    expect(res.status).toBe(200);
    expect(res.json.fields.find((f: { field: string }) => f.field === "email")).toMatchObject({
      required: true,
      maxSize: 128,
    });
    expect(res.text).toContain(`"questionKey":${roleKey},`);
    expect(res.text).toContain(`"answerKey":${roleAnswers[0]?.answerKey},`);
    expect(res.json.questions[0]).toMatchObject({ question: "Your role?", type: "multipleChoice", required: true });
  });
});

describe("registrant create", () => {
  it("answers 201 with a bare 19-digit registrantKey and a joinUrl, keeping every field and response", async () => {
    const extra =
      ',"source":"Newsletter 12","address":"1 Main St","city":"Sioux Falls","state":"SD","zipCode":"57104","country":"US","phone":"605","organization":"Acme","jobTitle":"CTO","questionsAndComments":"Hi","industry":"IT","numberOfEmployees":"100","purchasingTimeFrame":"1-3 months","purchasingRole":"Decision Maker"';
    const res = await sim.api(path(), { method: "POST", body: registrantBody("ada@example.com", extra) });
    expect(res.status).toBe(201);
    expect(res.text).toMatch(
      /^\{"registrantKey":\d{19},"joinUrl":"https:\/\/global\.gotowebinar\.com\/join\/\d+\/\d+"\}$/,
    );
    const key = res.json.registrantKey as string;
    const [stored] = await sim.control.registrants(webinarKey);
    expect(stored).toMatchObject({
      registrantKey: key,
      origin: "api",
      status: "APPROVED",
      fields: { source: "Newsletter 12", organization: "Acme", purchasingRole: "Decision Maker", zipCode: "57104" },
    });
    expect(stored?.responses).toEqual([
      { questionKey: roleKey, question: "Your role?", answerKey: roleAnswers[1]?.answerKey, answer: "User" },
      { questionKey: goalKey, question: "Your goal?", responseText: "Learn" },
    ]);
    const detailed = await sim.api(`${path()}/${key}`);
    expect(detailed.text).toContain(`"registrantKey":${key},`);
    expect(detailed.json).toMatchObject({
      email: "ada@example.com",
      status: "APPROVED",
      type: "REGULAR",
      unsubscribed: false,
      city: "Sioux Falls",
      responses: [
        { question: "Your role?", answer: "User" },
        { question: "Your goal?", answer: "Learn" },
      ],
    });
  });

  it("enforces required fields and questions with 400s that name them", async () => {
    const missing = await sim.api(path(), { method: "POST", body: { firstName: "A", email: "a@example.com" } });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ errorCode: "InvalidRequest", description: "lastName is required" });
    const noAnswer = await sim.api(path(), {
      method: "POST",
      body: { firstName: "A", lastName: "B", email: "a@example.com" },
    });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.json.description).toContain(roleKey);
    await sim.control.updateWebinar(webinarKey, { questions: [], requiredFields: ["organization"] });
    const noOrg = await sim.api(path(), {
      method: "POST",
      body: { firstName: "A", lastName: "B", email: "a@example.com" },
    });
    expect(noOrg.json.description).toBe("organization is required");
  });

  it("answers a second registration of the same e-mail with 409 carrying the existing key", async () => {
    const first = await sim.api(path(), { method: "POST", body: registrantBody("dup@example.com") });
    const again = await sim.api(path(), { method: "POST", body: registrantBody("DUP@example.com") });
    expect(again.status).toBe(409);
    expect(again.text).toBe(
      `{"errorCode":"DuplicateRegistrant","description":"The user is already registered","registrantKey":${first.json.registrantKey}}`,
    );
    const resend = await sim.api(`${path()}?resendConfirmation=true`, {
      method: "POST",
      body: registrantBody("dup@example.com"),
    });
    expect(resend.status).toBe(201);
    expect(resend.json.registrantKey).toBe(first.json.registrantKey);
    expect(
      (await sim.control.emails()).filter((e) => e.to === "dup@example.com" || e.to === "DUP@example.com"),
    ).toHaveLength(2);
  });

  it("registers a batch through the control API, all or none: a refused entry is named and nobody is added", async () => {
    await sim.control.updateWebinar(webinarKey, { questions: [] });
    const people = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        firstName: "Batch",
        lastName: `${i}`,
        email: `${prefix}-${i}@example.com`,
      }));
    const added = await sim.control.registerMany(webinarKey, people("batch", 3));
    expect(added.map((r) => r.email)).toEqual(["batch-0@example.com", "batch-1@example.com", "batch-2@example.com"]);
    const listed = await sim.control.registrants(webinarKey);
    expect(listed.map((r) => r.email).sort()).toEqual(added.map((r) => r.email).sort());

    const refused = [...people("more", 2), { firstName: "Again", lastName: "X", email: "BATCH-1@example.com" }];
    await expect(sim.control.registerMany(webinarKey, refused)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("registrants[2]: BATCH-1@example.com is already registered"),
    });
    await expect(
      sim.control.registerMany(webinarKey, [
        people("x", 1)[0]!,
        { firstName: "No", lastName: "Mail" } as unknown as RegisterRequest,
      ]),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("registrants[1]") });
    expect(await sim.control.registrants(webinarKey)).toHaveLength(3);
  });

  it("puts registrants of a MANUAL-approval webinar in WAITING", async () => {
    await sim.control.updateWebinar(webinarKey, { approvalType: "MANUAL", questions: [] });
    const res = await sim.api(path(), {
      method: "POST",
      body: { firstName: "W", lastName: "T", email: "w@example.com" },
    });
    const got = await sim.api(`${path()}/${res.json.registrantKey}`);
    expect(got.json.status).toBe("WAITING");
    await sim.control.setRegistrantStatus(webinarKey, res.json.registrantKey, "DENIED");
    expect((await sim.api(`${path()}/${res.json.registrantKey}`)).json.status).toBe("DENIED");
  });

  it("takes only names and e-mail with the basic (v1.1) Accept header", async () => {
    await sim.control.updateWebinar(webinarKey, { questions: [] });
    const res = await sim.api(path(), {
      method: "POST",
      body: { firstName: "B", lastName: "C", email: "b@example.com", organization: "Ignored" },
      headers: { accept: "application/vnd.citrix.g2wapi-v1.1+json" },
    });
    expect(res.status).toBe(201);
    const [stored] = await sim.control.registrants(webinarKey);
    expect(stored?.fields).toEqual({});
  });
});

describe("registrant list, get and delete", () => {
  beforeEach(async () => {
    await sim.control.updateWebinar(webinarKey, { questions: [] });
    for (let i = 1; i <= 5; i++) {
      await sim.api(path(), {
        method: "POST",
        body: { firstName: `P${i}`, lastName: "L", email: `p${i}@example.com` },
      });
    }
  });

  it("is a plain array without page/limit", async () => {
    const res = await sim.api(path());
    expect(Array.isArray(res.json)).toBe(true);
    expect(res.json).toHaveLength(5);
    expect(res.text).toMatch(/"registrantKey":\d{19},/);
    expect(Object.keys(res.json[0]).sort()).toEqual(
      ["email", "firstName", "joinUrl", "lastName", "registrantKey", "registrationDate", "status", "timeZone"].sort(),
    );
  });

  it("is the paginated object with page or limit, and refuses limit over 200", async () => {
    const res = await sim.api(`${path()}?page=1&limit=2`);
    expect(res.json).toMatchObject({ total: 5, page: 1, limit: 2, pageSize: 2 });
    expect(res.json.data.map((r: { firstName: string }) => r.firstName)).toEqual(["P3", "P4"]);
    const last = await sim.api(`${path()}?page=2&limit=2`);
    expect(last.json.pageSize).toBe(1);
    expect((await sim.api(`${path()}?limit=201`)).status).toBe(400);
  });

  it("deletes with 204 before the webinar starts and refuses afterwards", async () => {
    const [first, second] = (await sim.api(path())).json;
    expect((await sim.api(`${path()}/${first.registrantKey}`, { method: "DELETE" })).status).toBe(204);
    expect((await sim.api(`${path()}/${first.registrantKey}`)).status).toBe(404);
    await sim.control.advanceClock(24.5 * HOUR);
    const late = await sim.api(`${path()}/${second.registrantKey}`, { method: "DELETE" });
    expect(late.status).toBe(400);
  });
});
