import { describe, expect, it } from "vitest";
import { int64, parseJsonLossless, stringifyJson } from "../../src/http/json";
import { keyOf } from "../../src/http/values";
import { mapRegistrant } from "../../src/registrants/map-registrant";
import { mapWebinar } from "../../src/webinars/map-webinar";

describe("lossless JSON", () => {
  it("keeps 19-digit integers exact as strings and other numbers as numbers", () => {
    const parsed = parseJsonLossless(
      '{"registrantKey": 9223372036854775807, "total": 1000, "rate": 0.5, "neg": -9007199254740993}',
    );
    expect(parsed).toEqual({ registrantKey: "9223372036854775807", total: 1000, rate: 0.5, neg: "-9007199254740993" });
  });

  it("leaves digits inside strings, fractions, exponents and safe 16-digit integers alone", () => {
    const text =
      '{"s": "id 9223372036854775807 \\" 9223372036854775808", "f": 0.12345678901234567, "e": 1e-12345678901234567,' +
      ' "safe": 1000000000000000, "list": [9223372036854775807,-9223372036854775808], "nested": {"k": 12345678901234567890}}';
    expect(parseJsonLossless(text)).toEqual({
      s: 'id 9223372036854775807 " 9223372036854775808',
      f: Number("0.12345678901234567"),
      e: 0,
      safe: 1000000000000000,
      list: ["9223372036854775807", "-9223372036854775808"],
      nested: { k: "12345678901234567890" },
    });
  });

  it("says where invalid JSON breaks", () => {
    expect(() => parseJsonLossless('{"a": 1,, "b": 2}')).toThrow(/position|column|char/i);
  });

  it("exposes keys as strings whether GoTo sent numbers or strings", () => {
    const registrant = mapRegistrant(parseJsonLossless('{"registrantKey": 1234567890123456789, "email": "a@b.c"}'));
    expect(registrant.registrantKey).toBe("1234567890123456789");
    expect(keyOf(42)).toBe("42");
    expect(keyOf("5745495167550623063")).toBe("5745495167550623063");
    expect(keyOf(undefined)).toBe("");
  });

  it("reads webinarID and webinarId alike", () => {
    expect(mapWebinar({ webinarKey: "1", webinarID: "950080347" }).webinarId).toBe("950080347");
    expect(mapWebinar({ webinarKey: "1", webinarId: "950080348" }).webinarId).toBe("950080348");
  });

  it("writes int64 keys as bare JSON numbers, digit for digit", () => {
    const body = stringifyJson({ questionKey: int64("9007199254740993123", "questionKey"), responseText: "x" });
    expect(body).toBe('{"questionKey":9007199254740993123,"responseText":"x"}');
  });

  it("refuses a key that is not a decimal integer", () => {
    expect(() => int64("12a", "answerKey")).toThrow(/answerKey must be a decimal integer/);
  });
});

describe("text from GoTo that Postgres cannot store", () => {
  it("drops NUL and turns unpaired surrogates into U+FFFD, keeping real pairs and escaped backslashes", () => {
    const parsed = parseJsonLossless(
      '{"firstName":"Ada\\u0000","lastName":"\\ud800Love\\udc00lace","smile":"\\ud83d\\ude00","path":"C:\\\\u0000","key":12345678901234567890}',
    ) as Record<string, string>;
    expect(parsed).toEqual({
      firstName: "Ada",
      lastName: "\uFFFDLove\uFFFDlace",
      smile: "😀",
      path: "C:\\u0000",
      key: "12345678901234567890",
    });
  });
});
