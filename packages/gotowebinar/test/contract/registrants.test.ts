import { describe, expect, it } from "vitest";
import { GotoInputError, GotoNotFoundError } from "../../src/index";
import { DAY_MINUTES, useScenarioHarness } from "./harness";

const { h, scenario } = useScenarioHarness({
  webinars: [
    {
      subject: "Registration form",
      startsInMinutes: 10 * DAY_MINUTES,
      registrants: 3,
      questions: [
        { question: "Your role?", type: "multipleChoice", answers: ["Developer", "Marketer"], required: true },
        { question: "What do you hope to learn?", type: "shortAnswer" },
      ],
    },
  ],
});

const upcoming = () => scenario.webinars[0]!;

describe("registrants", () => {
  it("getRegistrationFields returns fields and custom questions with string keys", async () => {
    const form = await h.client.getRegistrationFields({ webinarKey: upcoming().webinarKey });
    expect(form.fields.map((f) => f.field)).toEqual(expect.arrayContaining(["email", "firstName", "lastName"]));
    const [role, learn] = form.questions;
    expect(role).toMatchObject({ questionKey: upcoming().questionKeys[0], type: "multipleChoice", required: true });
    expect(role?.answers?.map((a) => a.answer)).toEqual(["Developer", "Marketer"]);
    expect(role?.answers?.[0]?.answerKey).toMatch(/^\d+$/);
    expect(learn).toMatchObject({ questionKey: upcoming().questionKeys[1], type: "shortAnswer" });
  });

  it("createRegistrant sends every seed field and custom responses; getRegistrant reads them back", async () => {
    const form = await h.client.getRegistrationFields({ webinarKey: upcoming().webinarKey });
    const role = form.questions[0]!;
    const learn = form.questions[1]!;
    const result = await h.client.createRegistrant({
      webinarKey: upcoming().webinarKey,
      firstName: "John",
      lastName: "Doe",
      email: "johndoe@testemail.com",
      address: "123 Main St",
      city: "Sioux Falls",
      state: "South Dakota",
      zipCode: "57104",
      country: "United States",
      phone: "605-555-5555",
      organization: "Acme Corp",
      jobTitle: "Software Engineer",
      industry: "IT",
      numberOfEmployees: "100",
      purchasingRole: "Decision Maker",
      purchasingTimeFrame: "1-3 months",
      questionsAndComments: "I have a question about the webinar.",
      source: "website",
      responses: [
        { questionKey: role.questionKey, answerKey: role.answers![1]!.answerKey },
        { questionKey: learn.questionKey, responseText: "Everything" },
      ],
      resendConfirmation: false,
    });
    expect(result).toEqual({
      status: "created",
      registrantKey: expect.stringMatching(/^\d+$/),
      joinUrl: expect.stringContaining(result.registrantKey),
    });

    const registrant = await h.client.getRegistrant({
      webinarKey: upcoming().webinarKey,
      registrantKey: result.registrantKey,
    });
    expect(registrant).toMatchObject({
      registrantKey: result.registrantKey,
      email: "johndoe@testemail.com",
      firstName: "John",
      lastName: "Doe",
      status: "APPROVED",
      city: "Sioux Falls",
      organization: "Acme Corp",
      source: "website",
      purchasingTimeFrame: "1-3 months",
      questionsAndComments: "I have a question about the webinar.",
    });
    expect(registrant.responses).toEqual(
      expect.arrayContaining([
        { question: "Your role?", answer: "Marketer" },
        { question: "What do you hope to learn?", answer: "Everything" },
      ]),
    );
    // int64 keys went out as bare JSON numbers.
    const sent = (await h.sim.control.requests())
      .filter((r) => r.method === "POST" && r.path.endsWith("/registrants"))
      .at(-1);
    expect(JSON.stringify(sent?.body)).toContain(role.questionKey);
  });

  it("a duplicate e-mail resolves to the existing registrant (409 path)", async () => {
    const form = await h.client.getRegistrationFields({ webinarKey: upcoming().webinarKey });
    const answer = {
      questionKey: form.questions[0]!.questionKey,
      answerKey: form.questions[0]!.answers![0]!.answerKey,
    };
    const register = (email: string, resendConfirmation?: boolean) =>
      h.client.createRegistrant({
        webinarKey: upcoming().webinarKey,
        firstName: "Dup",
        lastName: "Licate",
        email,
        responses: [answer],
        ...(resendConfirmation ? { resendConfirmation } : {}),
      });
    const first = await register("dup@example.com");
    const again = await register("DUP@example.com");
    expect(first.status).toBe("created");
    expect(again).toEqual({ status: "existing", registrantKey: first.registrantKey, joinUrl: first.joinUrl });
    // resendConfirmation=true re-registers: the same registrant comes back.
    const resent = await register("dup@example.com", true);
    expect(resent.registrantKey).toBe(first.registrantKey);
  });

  it("refuses a registration without e-mail, first or last name before any request", async () => {
    await expect(
      h.client.createRegistrant({ webinarKey: upcoming().webinarKey, firstName: "A", lastName: "", email: "a@b.c" }),
    ).rejects.toMatchObject({ name: "GotoInputError", field: "lastName" });
  });

  it("listRegistrants returns one page in GoTo's paged envelope", async () => {
    const page = await h.client.listRegistrants({ webinarKey: upcoming().webinarKey, page: 0, limit: 2 });
    expect(page).toMatchObject({ total: 5, page: 0, limit: 2, pageSize: 2 });
    expect(page.registrants).toHaveLength(2);
    expect(page.registrants[0]).toEqual({
      registrantKey: expect.stringMatching(/^\d+$/),
      firstName: expect.any(String),
      lastName: expect.any(String),
      email: expect.any(String),
      registrationDate: expect.any(String),
      status: expect.any(String),
      joinUrl: expect.any(String),
      timeZone: expect.any(String),
    });
    await expect(h.client.listRegistrants({ webinarKey: upcoming().webinarKey, limit: 500 })).rejects.toBeInstanceOf(
      GotoInputError,
    );
  });

  it("listAllRegistrants returns the same people in one request or in pages", async () => {
    const before = h.client.stats.requests;
    const single = await h.client.listAllRegistrants({ webinarKey: upcoming().webinarKey });
    expect(h.client.stats.requests - before).toBe(1);
    const paged = await h.client.listAllRegistrants({ webinarKey: upcoming().webinarKey, mode: "paged" });
    expect(single).toHaveLength(5);
    expect(paged.map((r) => r.registrantKey).sort()).toEqual(single.map((r) => r.registrantKey).sort());
  });

  it("deleteRegistrant removes the registration", async () => {
    const registrantKey = upcoming().registrantKeys[0]!;
    await h.client.deleteRegistrant({ webinarKey: upcoming().webinarKey, registrantKey });
    await expect(h.client.getRegistrant({ webinarKey: upcoming().webinarKey, registrantKey })).rejects.toBeInstanceOf(
      GotoNotFoundError,
    );
  });
});
