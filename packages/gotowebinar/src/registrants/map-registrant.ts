import { readFields } from "../http/read-fields";
import { asArray, asRecord, compact, optBool, optStr, str } from "../http/values";
import type { GotoRegistrant, GotoRegistrantDetails } from "../types/registrants";

export function mapRegistrant(value: unknown): GotoRegistrant {
  return readFields<GotoRegistrant>(value, {
    key: ["registrantKey"],
    str: ["firstName", "lastName", "email"],
    optStr: ["registrationDate", "status", "joinUrl", "timeZone"],
  });
}

const DETAIL_FIELDS = [
  "source",
  "phone",
  "state",
  "city",
  "organization",
  "zipCode",
  "numberOfEmployees",
  "industry",
  "jobTitle",
  "purchasingRole",
  "implementationTimeFrame",
  "purchasingTimeFrame",
  "questionsAndComments",
  "employeeCount",
  "country",
  "address",
  "type",
] as const;

export function mapRegistrantDetails(value: unknown): GotoRegistrantDetails {
  const r = asRecord(value);
  const details: GotoRegistrantDetails = {
    ...mapRegistrant(r),
    unsubscribed: optBool(r.unsubscribed),
    responses: asArray(r.responses).map((item) => {
      const response = asRecord(item);
      return { question: str(response.question), answer: str(response.answer) };
    }),
  };
  for (const field of DETAIL_FIELDS) details[field] = optStr(r[field]);
  return compact(details);
}
