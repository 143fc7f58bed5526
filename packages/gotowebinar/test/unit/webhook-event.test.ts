import { describe, expect, it } from "vitest";
import { GotoWebhookPayloadError, parseWebhookEvent } from "../../src/index";

const base = '"eventKey":"9a1b","eventVersion":"1.0.0","product":"g2w","timestamp":"2024-04-04T05:46:33.898Z"';

describe("parseWebhookEvent", () => {
  it("parses registrant.joined with exact keys and joinTime as a Date", () => {
    const event = parseWebhookEvent(
      `{${base},"eventName":"registrant.joined","webinarKey":5745495167550623063,"sessionKey":9223372036854775806,` +
        `"registrantKey":1234567890123456789,"firstName":"Ada","lastName":"L","email":"ada@example.com","joinTime":1554356793898}`,
    );
    expect(event.eventName).toBe("registrant.joined");
    if (event.eventName !== "registrant.joined") return;
    expect(event.webinarKey).toBe("5745495167550623063");
    expect(event.sessionKey).toBe("9223372036854775806");
    expect(event.registrantKey).toBe("1234567890123456789");
    expect(event.joinTime).toEqual(new Date(1554356793898));
  });

  it("accepts registrant.joined in the published sample's shape: no sessionKey, registrant fields", () => {
    const event = parseWebhookEvent(
      `{${base},"eventName":"registrant.joined","webinarKey":5745495167550623063,"registrantKey":1234567890123456789,` +
        `"firstName":"Ada","lastName":"L","email":"ada@example.com","registrationDate":"2024-04-01T10:00:00.000Z",` +
        `"status":"APPROVED","joinUrl":"https://global.gotowebinar.com/join/5745495167550623063/1234567890123456789"}`,
    );
    expect(event).toMatchObject({
      eventName: "registrant.joined",
      registrantKey: "1234567890123456789",
      status: "APPROVED",
      registrationDate: "2024-04-01T10:00:00.000Z",
      joinUrl: expect.stringContaining("/join/"),
      // No joinTime: the delivery's timestamp stands in.
      joinTime: new Date("2024-04-04T05:46:33.898Z"),
    });
    expect(event).not.toHaveProperty("sessionKey");
    const byEmail = parseWebhookEvent(`{"eventName":"registrant.joined","webinarKey":1,"email":"ada@example.com"}`);
    expect(byEmail).toMatchObject({ webinarKey: "1", email: "ada@example.com" });
    expect(byEmail).not.toHaveProperty("joinTime");
    expect(() => parseWebhookEvent(`{"eventName":"registrant.joined","webinarKey":1}`)).toThrow(
      /registrantKey and email/,
    );
  });

  it("parses registrant.added with responses", () => {
    const event = parseWebhookEvent(
      Buffer.from(
        `{${base},"eventName":"registrant.added","webinarKey":1,"registrantKey":2,"firstName":"A","lastName":"B",` +
          `"email":"a@b.c","status":"APPROVED","joinUrl":"https://j","responses":[{"question":"Q","questionType":"MULTIPLE_CHOICE","answers":["x"]}]}`,
      ),
    );
    expect(event).toMatchObject({
      eventName: "registrant.added",
      webinarKey: "1",
      registrantKey: "2",
      joinUrl: "https://j",
      responses: [{ question: "Q", questionType: "MULTIPLE_CHOICE", answers: ["x"] }],
    });
  });

  it("parses webinar.created, webinar.changed (DELETED) and survey.submitted", () => {
    const times = '"times":[{"startTime":"2030-01-01T10:00:00Z","endTime":"2030-01-01T11:00:00Z"}]';
    expect(
      parseWebhookEvent(
        `{${base},"eventName":"webinar.created","webinarKey":11,"webinarTitle":"T",${times},"status":"NEW","organizerKey":22}`,
      ),
    ).toMatchObject({ eventName: "webinar.created", webinarKey: "11", organizerKey: "22", status: "NEW", times: [{}] });
    expect(
      parseWebhookEvent(`{${base},"eventName":"webinar.changed","webinarKey":11,"status":"DELETED",${times}}`),
    ).toMatchObject({ eventName: "webinar.changed", status: "DELETED" });
    expect(
      parseWebhookEvent(
        `{${base},"eventName":"survey.submitted","webinarKey":11,"registrantKey":33,"sessionKey":44,"surveyName":"S","responses":[]}`,
      ),
    ).toMatchObject({ eventName: "survey.submitted", registrantKey: "33", sessionKey: "44" });
  });

  it("throws a typed error for unknown events and bad bodies", () => {
    expect(() => parseWebhookEvent(`{${base},"eventName":"session.ended"}`)).toThrow(GotoWebhookPayloadError);
    expect(() => parseWebhookEvent("not json")).toThrow(/not JSON/);
    expect(() => parseWebhookEvent(`{${base},"eventName":"registrant.added"}`)).toThrow(/lacks webinarKey/);
  });
});
