import { describe, expect, it } from "vitest";
import {
  buildRegistrationPayload,
  type FormDefinition,
  prospectUpdatesFrom,
  registrationBackoffMs,
  validateSubmission,
  webinarClosedReason,
} from "../src/forms";

// Pure rules of forms: no database, no GoTo.
const form: Pick<FormDefinition, "name" | "fields"> = {
  name: "Spring webinar",
  fields: [
    { kind: "standard", name: "email", label: "Email", required: true },
    { kind: "standard", name: "firstName", label: "First name", required: true },
    { kind: "standard", name: "lastName", label: "Last name", required: true },
    { kind: "standard", name: "organization", label: "Company", required: false },
    { kind: "standard", name: "questionsAndComments", label: "Questions", required: false },
    {
      kind: "question",
      name: "q11",
      label: "Role?",
      required: true,
      questionKey: "11",
      questionType: "multipleChoice",
      maxLength: 128,
      options: [{ answerKey: "21", label: "Sales" }],
    },
    {
      kind: "question",
      name: "q12",
      label: "Goal?",
      required: false,
      questionKey: "12",
      questionType: "shortAnswer",
      maxLength: 10,
      options: [],
    },
  ],
};

describe("validateSubmission", () => {
  it("names every missing required field and keeps what was typed, trimmed", () => {
    const check = validateSubmission(form, { email: "  ada@example.com ", firstName: "", organization: "  Acme " });
    expect(check.errors).toEqual({
      firstName: "First name is required",
      lastName: "Last name is required",
      q11: "Role? is required",
    });
    expect(check.values).toMatchObject({ email: "ada@example.com", firstName: "", organization: "Acme" });
  });

  it("refuses a malformed e-mail, an answer that is not an option, and text over the limit", () => {
    const check = validateSubmission(form, {
      email: "ada@",
      firstName: "A",
      lastName: "B",
      q11: "99",
      q12: "far too long answer",
      organization: "x".repeat(129),
    });
    expect(check.errors).toEqual({
      email: "Enter an email address in the right format, like name@example.com",
      q11: "Choose one of the options for Role?",
      q12: "Goal? must be 10 characters or fewer (it has 19)",
      organization: "Company must be 128 characters or fewer (it has 129)",
    });
  });

  it("accepts a complete submission and strips control characters", () => {
    const check = validateSubmission(form, {
      email: "ada@example.com",
      firstName: "Ada\u0000",
      lastName: "Lovelace",
      q11: "21",
    });
    expect(check.errors).toEqual({});
    expect(check.values).toMatchObject({ email: "ada@example.com", firstName: "Ada" });
  });

  it("refuses repeated values for a single-value field rather than keeping one of them", () => {
    const check = validateSubmission(form, {
      email: ["ada@example.com", "other@example.com"],
      firstName: "Ada",
      lastName: "Lovelace",
      q11: "21",
    });
    expect(check.errors).toEqual({ email: "Email must be a single value, not a list (send the field once)" });
  });
});

describe("buildRegistrationPayload and prospectUpdatesFrom", () => {
  const values = {
    email: "ada@example.com",
    firstName: "Ada",
    lastName: "Lovelace",
    organization: "Acme",
    questionsAndComments: "",
    q11: "21",
    q12: "Learn",
  };

  it("sends every mapped field GoTo accepts and each custom answer (answer key or text)", () => {
    expect(buildRegistrationPayload(form, values)).toEqual({
      email: "ada@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      fields: { organization: "Acme" },
      responses: [
        { questionKey: "11", answerKey: "21" },
        { questionKey: "12", responseText: "Learn" },
      ],
      source: "Spring webinar",
    });
  });

  it("fills prospect columns (organization → company) and custom fields, never with blanks", () => {
    expect(prospectUpdatesFrom(form, values)).toEqual({
      columns: { firstName: "Ada", lastName: "Lovelace", company: "Acme" },
      custom: { "Role?": "Sales", "Goal?": "Learn" },
    });
  });
});

describe("registrationBackoffMs", () => {
  it("grows exponentially with jitter between half and all of the ceiling, capped", () => {
    const backoff = { baseMs: 2_000, maxMs: 30 * 60_000 };
    expect(registrationBackoffMs(1, backoff, () => 0)).toBe(1_000);
    expect(registrationBackoffMs(1, backoff, () => 1)).toBe(2_000);
    expect(registrationBackoffMs(4, backoff, () => 1)).toBe(16_000);
    expect(registrationBackoffMs(30, backoff, () => 1)).toBe(30 * 60_000);
    expect(registrationBackoffMs(30, backoff, () => 0)).toBe(15 * 60_000);
  });
});

describe("webinarClosedReason", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  it("says why a webinar takes no more registrations", () => {
    expect(webinarClosedReason({ status: "SCHEDULED", startsAt: at(60), endsAt: at(120) }, now)).toBeNull();
    expect(webinarClosedReason({ status: "SCHEDULED", startsAt: at(-5), endsAt: at(55) }, now)).toBe(
      "the webinar has started",
    );
    expect(webinarClosedReason({ status: "SCHEDULED", startsAt: at(-120), endsAt: at(-60) }, now)).toBe(
      "the webinar has ended",
    );
    expect(webinarClosedReason({ status: "CANCELLED", startsAt: at(60), endsAt: at(120) }, now)).toBe(
      "the webinar has been cancelled",
    );
  });
});
