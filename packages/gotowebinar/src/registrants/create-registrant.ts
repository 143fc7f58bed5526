import { apiPath, type ClientContext, requireText } from "../context";
import { GotoConflictError, GotoInputError } from "../http/errors";
import { int64 } from "../http/json";
import { asRecord, dropUndefined, keyOf, optKey, optStr, str } from "../http/values";
import type { CreateRegistrantOptions, CreateRegistrantResult } from "../types/registrants";
import { getRegistrant } from "./get-registrant";
import { listAllRegistrants } from "./list-registrants";

const OPTIONAL_FIELDS = [
  "source",
  "address",
  "city",
  "state",
  "zipCode",
  "country",
  "phone",
  "organization",
  "jobTitle",
  "questionsAndComments",
  "industry",
  "numberOfEmployees",
  "purchasingTimeFrame",
  "purchasingRole",
] as const;

/**
 * Registers a person for a webinar. GoTo's 409 (this e-mail is already registered) is an
 * answer, not an error: the existing registrant's key comes from the 409 body or, failing that,
 * from the registrant list. Retried on 5xx and network errors like a GET, because a duplicate
 * created by a retry resolves through that same 409 path.
 */
export async function createRegistrant(
  ctx: ClientContext,
  options: CreateRegistrantOptions,
): Promise<CreateRegistrantResult> {
  const body: Record<string, unknown> = {
    firstName: requireText(options.firstName, "firstName"),
    lastName: requireText(options.lastName, "lastName"),
    email: requireText(options.email, "email"),
  };
  for (const field of OPTIONAL_FIELDS) body[field] = options[field];
  if (options.responses && options.responses.length > 0) {
    body.responses = options.responses.map((response, i) => {
      const field = `responses[${i}]`;
      if (response.answerKey === undefined && response.responseText === undefined) {
        throw new GotoInputError(field, `${field} needs an answerKey (multiple choice) or a responseText`);
      }
      return dropUndefined({
        questionKey: int64(response.questionKey, `${field}.questionKey`),
        responseText: response.responseText,
        answerKey: response.answerKey === undefined ? undefined : int64(response.answerKey, `${field}.answerKey`),
      });
    });
  }
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  try {
    const { data } = await ctx.transport.request({
      method: "POST",
      path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/registrants`,
      query: { resendConfirmation: options.resendConfirmation },
      // application/json selects GoTo's full (v2) registration: every field and custom responses.
      headers: { accept: "application/json" },
      body: { kind: "json", value: dropUndefined(body) },
      retryable: true,
    });
    const created = asRecord(data);
    return { status: "created", registrantKey: keyOf(created.registrantKey), joinUrl: str(created.joinUrl) };
  } catch (error) {
    if (!(error instanceof GotoConflictError)) throw error;
    return resolveExisting(ctx, { ...options, organizerKey }, error);
  }
}

async function resolveExisting(
  ctx: ClientContext,
  options: CreateRegistrantOptions & { organizerKey: string },
  conflict: GotoConflictError,
): Promise<CreateRegistrantResult> {
  const conflictBody = asRecord(conflict.body);
  const registrantKey = optKey(conflictBody.registrantKey);
  if (registrantKey !== undefined) {
    const joinUrl = optStr(conflictBody.joinUrl) ?? (await joinUrlOf(ctx, options, registrantKey));
    return joinUrl === undefined
      ? { status: "existing", registrantKey }
      : { status: "existing", registrantKey, joinUrl };
  }
  const email = options.email.trim().toLowerCase();
  const registrants = await listAllRegistrants(ctx, {
    organizerKey: options.organizerKey,
    webinarKey: options.webinarKey,
  });
  const existing = registrants.find((r) => r.email.trim().toLowerCase() === email);
  if (!existing) throw conflict;
  return existing.joinUrl === undefined
    ? { status: "existing", registrantKey: existing.registrantKey }
    : { status: "existing", registrantKey: existing.registrantKey, joinUrl: existing.joinUrl };
}

async function joinUrlOf(
  ctx: ClientContext,
  options: CreateRegistrantOptions & { organizerKey: string },
  registrantKey: string,
): Promise<string | undefined> {
  try {
    const registrant = await getRegistrant(ctx, {
      organizerKey: options.organizerKey,
      webinarKey: options.webinarKey,
      registrantKey,
    });
    return registrant.joinUrl;
  } catch (error) {
    ctx.log.warn(
      { webinarKey: options.webinarKey, registrantKey, code: (error as { code?: string }).code },
      "could not read the join URL of an existing registrant",
    );
    return undefined;
  }
}
