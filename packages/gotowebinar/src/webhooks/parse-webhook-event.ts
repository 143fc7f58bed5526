import { parseJsonLossless } from "../http/json";
import {
  asArray,
  asRecord,
  compact,
  isRecord,
  type JsonRecord,
  keyOf,
  optKey,
  optNum,
  optStr,
  str,
} from "../http/values";
import type { GotoWebhookEvent, WebhookQuestionResponse } from "../types/webhook-events";
import { mapTimes } from "../webinars/map-webinar";

export class GotoWebhookPayloadError extends Error {
  readonly code: "invalid_json" | "invalid_payload" | "unknown_event";
  constructor(code: GotoWebhookPayloadError["code"], message: string) {
    super(message);
    this.name = "GotoWebhookPayloadError";
    this.code = code;
  }
}

/**
 * Parses a webhook delivery (the raw body, after its signature was verified) into a typed event.
 * Keys stay exact decimal strings even when GoTo sends 19-digit JSON numbers.
 */
export function parseWebhookEvent(rawBody: string | Uint8Array): GotoWebhookEvent {
  const text = typeof rawBody === "string" ? rawBody : new TextDecoder().decode(rawBody);
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(text);
  } catch {
    throw new GotoWebhookPayloadError("invalid_json", "webhook body is not JSON");
  }
  if (!isRecord(parsed)) throw new GotoWebhookPayloadError("invalid_payload", "webhook body is not a JSON object");
  const e = parsed;
  const base = {
    eventKey: str(e.eventKey),
    eventVersion: str(e.eventVersion),
    product: str(e.product),
    timestamp: optStr(e.timestamp),
  };
  const eventName = str(e.eventName);
  switch (eventName) {
    case "registrant.added":
      return compact({
        ...base,
        eventName,
        webinarKey: required(e, "webinarKey"),
        registrantKey: required(e, "registrantKey"),
        webinarCreatorKey: optKey(e.webinarCreatorKey),
        firstName: str(e.firstName),
        lastName: str(e.lastName),
        email: str(e.email),
        registrationDate: optStr(e.registrationDate),
        status: optStr(e.status),
        webinarTitle: optStr(e.webinarTitle),
        experienceType: optStr(e.experienceType),
        recurrenceType: optStr(e.recurrenceType),
        joinUrl: optStr(e.joinUrl),
        phone: optStr(e.phone),
        address: optStr(e.address),
        city: optStr(e.city),
        state: optStr(e.state),
        country: optStr(e.country),
        zipCode: optStr(e.zipCode),
        organization: optStr(e.organization),
        jobTitle: optStr(e.jobTitle),
        industry: optStr(e.industry),
        comments: optStr(e.comments),
        numberOfEmployees: optStr(e.numberOfEmployees),
        purchasingRole: optStr(e.purchasingRole),
        purchasingTimeFrame: optStr(e.purchasingTimeFrame),
        registrationSource: optStr(e.registrationSource),
        responses: mapResponses(e.responses),
      });
    case "registrant.joined": {
      // GoTo's one published sample has no sessionKey (and carries registrationDate, status,
      // joinUrl instead): only the webinar and the person (key or e-mail) are needed.
      const registrantKey = optKey(e.registrantKey);
      const email = str(e.email);
      if (!registrantKey && !email) {
        throw new GotoWebhookPayloadError("invalid_payload", "webhook event lacks registrantKey and email");
      }
      return compact({
        ...base,
        eventName,
        webinarKey: required(e, "webinarKey"),
        sessionKey: optKey(e.sessionKey),
        registrantKey,
        webinarCreatorKey: optKey(e.webinarCreatorKey),
        firstName: str(e.firstName),
        lastName: str(e.lastName),
        email,
        registrationDate: optStr(e.registrationDate),
        status: optStr(e.status),
        joinUrl: optStr(e.joinUrl),
        webinarTitle: optStr(e.webinarTitle),
        experienceType: optStr(e.experienceType),
        recurrenceType: optStr(e.recurrenceType),
        joinTime: optDate(e.joinTime) ?? optDate(e.timestamp),
      });
    }
    case "webinar.created":
      return compact({
        ...base,
        ...webinarFields(e),
        eventName,
        status: str(e.status),
        webinarCreationDate: optStr(e.webinarCreationDate),
      });
    case "webinar.changed":
      return compact({ ...base, ...webinarFields(e), eventName, status: str(e.status) });
    case "survey.submitted":
      return compact({
        ...base,
        eventName,
        webinarKey: required(e, "webinarKey"),
        sessionKey: optKey(e.sessionKey),
        registrantKey: required(e, "registrantKey"),
        webinarCreatorKey: optKey(e.webinarCreatorKey),
        webinarTitle: optStr(e.webinarTitle),
        experienceType: optStr(e.experienceType),
        surveyName: optStr(e.surveyName),
        responses: mapResponses(e.responses),
      });
    default:
      throw new GotoWebhookPayloadError("unknown_event", `unknown webhook event ${JSON.stringify(eventName)}`);
  }
}

function webinarFields(e: JsonRecord) {
  return {
    webinarKey: required(e, "webinarKey"),
    organizerKey: optKey(e.organizerKey),
    accountKey: optKey(e.accountKey),
    recurrenceKey: optKey(e.recurrenceKey),
    webinarTitle: str(e.webinarTitle ?? e.subject),
    description: optStr(e.description),
    experienceType: optStr(e.experienceType),
    recurrenceType: optStr(e.recurrenceType),
    times: mapTimes(e.times),
    timeZone: optStr(e.timeZone),
  };
}

function required(e: JsonRecord, field: string): string {
  const key = keyOf(e[field]);
  if (key === "") throw new GotoWebhookPayloadError("invalid_payload", `webhook event lacks ${field}`);
  return key;
}

/** Epoch milliseconds (GoTo's joinTime) or an ISO date-time; undefined when absent or invalid. */
function optDate(value: unknown): Date | undefined {
  const ms = optNum(value);
  const date = ms !== undefined ? new Date(ms) : typeof value === "string" ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function mapResponses(value: unknown): WebhookQuestionResponse[] {
  return asArray(value).map((item) => {
    const r = asRecord(item);
    const answers = Array.isArray(r.answers)
      ? r.answers.map((a) => (isRecord(a) ? str(a.answer ?? a.text ?? a.value) : str(a)))
      : r.answer !== undefined
        ? [str(r.answer)]
        : [];
    return compact({ question: str(r.question ?? r.questionText), questionType: optStr(r.questionType), answers });
  });
}
