import type { SimContext } from "../context";
import { ApiError, badRequest, notFound } from "../errors";
import { num } from "../json/lossless";
import { toKey } from "../keys";
import { publishRegistrantAdded } from "../webhooks/events";
import {
  OPTIONAL_REGISTRANT_FIELDS,
  type OptionalRegistrantField,
  type Registrant,
  type RegistrantResponse,
  type RegistrantStatus,
  type Webinar,
} from "./types";
import { asObject } from "./webinar-input";
import { hasEnded, hasStarted } from "./webinars";

export interface RegistrantInput {
  firstName: string;
  lastName: string;
  email: string;
  fields: Partial<Record<OptionalRegistrantField, string>>;
  responses: RegistrantResponse[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Validates a RegistrantFields body against the webinar's form (§4.1). `basicOnly` is GoTo's
 * "version 1" create, which takes names and e-mail and ignores everything else.
 */
export function parseRegistrant(raw: unknown, webinar: Webinar, options: { basicOnly: boolean }): RegistrantInput {
  const body = asObject(raw);
  const text = (name: string): string | undefined => {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (typeof value !== "string") throw badRequest(`${name} must be a string, got ${JSON.stringify(value)}`);
    if (value.length > 128) throw badRequest(`${name} must be at most 128 characters, got ${value.length}`);
    return value.trim();
  };
  const required = (name: string): string => {
    const value = text(name);
    if (!value) throw badRequest(`${name} is required`);
    return value;
  };
  const input: RegistrantInput = {
    firstName: required("firstName"),
    lastName: required("lastName"),
    email: required("email"),
    fields: {},
    responses: [],
  };
  if (!EMAIL.test(input.email)) throw badRequest(`email is not a valid e-mail address: ${JSON.stringify(input.email)}`);
  if (options.basicOnly) return input;
  for (const name of OPTIONAL_REGISTRANT_FIELDS) {
    const value = text(name);
    if (value) input.fields[name] = value;
  }
  for (const field of webinar.fields) {
    if (!field.required || ["firstName", "lastName", "email"].includes(field.field)) continue;
    if (!input.fields[field.field as OptionalRegistrantField]) throw badRequest(`${field.field} is required`);
  }
  input.responses = parseResponses(body.responses, webinar);
  return input;
}

function parseResponses(raw: unknown, webinar: Webinar): RegistrantResponse[] {
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) throw badRequest("responses must be an array");
  const responses: RegistrantResponse[] = [];
  for (const [i, item] of ((raw as unknown[] | undefined) ?? []).entries()) {
    const obj = asObject(item, `responses[${i}]`);
    const questionKey = toKey(obj.questionKey);
    const question = webinar.questions.find((q) => q.questionKey === questionKey);
    if (!questionKey || !question) {
      throw badRequest(`responses[${i}].questionKey ${String(obj.questionKey)} is not a question of this webinar`);
    }
    if (responses.some((r) => r.questionKey === questionKey)) {
      throw badRequest(`responses[${i}]: question ${questionKey} is answered twice`);
    }
    if (question.type === "multipleChoice") {
      const answerKey = toKey(obj.answerKey);
      if (!answerKey || !question.answers.some((a) => a.answerKey === answerKey)) {
        throw badRequest(
          `responses[${i}].answerKey ${String(obj.answerKey)} is not an answer of question ${questionKey}`,
        );
      }
      responses.push({ questionKey, answerKey });
    } else {
      const responseText = obj.responseText;
      if (typeof responseText !== "string") throw badRequest(`responses[${i}].responseText must be a string`);
      if (responseText.length > question.maxSize) {
        throw badRequest(`responses[${i}].responseText must be at most ${question.maxSize} characters`);
      }
      if (responseText.trim() !== "") responses.push({ questionKey, responseText });
    }
  }
  for (const question of webinar.questions) {
    if (question.required && !responses.some((r) => r.questionKey === question.questionKey)) {
      throw badRequest(`A response to the required question ${question.questionKey} (${question.question}) is missing`);
    }
  }
  return responses;
}

export interface AddRegistrantOptions {
  origin: Registrant["origin"];
  resendConfirmation?: boolean;
  publish?: boolean;
  status?: RegistrantStatus;
  registrationDate?: number;
}

/**
 * Registers a person. The same e-mail twice is a 409 carrying the existing key, except with
 * resendConfirmation=true, which GoTo documents as re-registering: the sim answers with the
 * existing registrant and records a new confirmation e-mail.
 */
export function addRegistrant(
  ctx: SimContext,
  webinar: Webinar,
  input: RegistrantInput,
  options: AddRegistrantOptions,
): { registrant: Registrant; created: boolean } {
  const now = ctx.clock.now();
  const existingKey = webinar.registrantKeyByEmail.get(input.email.toLowerCase());
  const existing = existingKey ? webinar.registrants.get(existingKey) : undefined;
  if (existing) {
    if (options.resendConfirmation) {
      sendConfirmation(ctx, webinar, existing);
      return { registrant: existing, created: false };
    }
    throw new ApiError(409, "DuplicateRegistrant", "The user is already registered", {
      errorCode: "DuplicateRegistrant",
      description: "The user is already registered",
      registrantKey: num(existing.registrantKey),
    });
  }
  if (webinar.registrants.size >= webinar.registrationLimit) {
    throw badRequest(`The webinar has reached its registration limit of ${webinar.registrationLimit}`);
  }
  const registrant: Registrant = {
    registrantKey: ctx.state.newKey(),
    webinarKey: webinar.webinarKey,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    registrationDate: options.registrationDate ?? now,
    status: options.status ?? (webinar.approvalType === "MANUAL" ? "WAITING" : "APPROVED"),
    fields: input.fields,
    responses: input.responses,
    origin: options.origin,
    late: webinar.type !== "series" && hasEnded(webinar, options.registrationDate ?? now),
    unsubscribed: false,
  };
  insertRegistrant(webinar, registrant);
  if (options.origin !== "scenario") sendConfirmation(ctx, webinar, registrant);
  if (options.publish !== false) publishRegistrantAdded(ctx, webinar, registrant);
  return { registrant, created: true };
}

export function insertRegistrant(webinar: Webinar, registrant: Registrant): void {
  webinar.registrants.set(registrant.registrantKey, registrant);
  webinar.registrantKeyByEmail.set(registrant.email.toLowerCase(), registrant.registrantKey);
  webinar.version++;
}

function sendConfirmation(ctx: SimContext, webinar: Webinar, registrant: Registrant): void {
  if (webinar.emailSettings.confirmationEmail?.enabled === false) return;
  ctx.state.recordEmail({
    time: ctx.clock.now(),
    kind: "confirmation",
    to: registrant.email,
    webinarKey: webinar.webinarKey,
    registrantKey: registrant.registrantKey,
  });
}

export function findRegistrant(webinar: Webinar, registrantKey: string): Registrant {
  const registrant = webinar.registrants.get(registrantKey);
  if (!registrant) throw notFound(`Registrant with key ${registrantKey} not found`);
  return registrant;
}

/** The REST delete (§4.3) only works before the webinar starts; GoTo's UI (control API) any time. */
export function removeRegistrant(
  ctx: SimContext,
  webinar: Webinar,
  registrantKey: string,
  options: { onlyFuture: boolean },
): void {
  const registrant = findRegistrant(webinar, registrantKey);
  if (options.onlyFuture && hasStarted(webinar, ctx.clock.now())) {
    throw badRequest("Registrants can only be removed from a scheduled, future webinar");
  }
  webinar.registrants.delete(registrant.registrantKey);
  webinar.registrantKeyByEmail.delete(registrant.email.toLowerCase());
  webinar.joins.delete(registrant.registrantKey);
  webinar.version++;
}

/** Registrants in registration order (Map insertion order is registration order). */
export function registrantsInOrder(webinar: Webinar): Registrant[] {
  return [...webinar.registrants.values()];
}
