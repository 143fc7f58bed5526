import type { Db } from "@gw/db";
import type { RegistrationFields } from "@gw/gotowebinar";
import { checkRedirectUrl, getRedirectDomains, type RedirectActor } from "../account-settings/redirect-domains";
import { getAccountCampaign } from "../campaigns/get-account-campaign";
import { DomainError, invalid } from "../errors/index";
import { findOrCreateList } from "../lists/find-or-create-list";
import {
  type CompletionAction,
  type FormConsent,
  type FormDefinition,
  type FormField,
  isStandardField,
  type QuestionFormField,
  questionFieldName,
  REGISTRATION_REQUIRED_FIELDS,
  STANDARD_FIELDS,
} from "./form-definition";
import type { ParsedFormInput } from "./form-input";
import { webinarClosedReason } from "./webinar-availability";

/** Reads a webinar's registration form (standard fields and custom questions) from GoTo. */
export type LoadRegistrationFields = (webinar: {
  connectorId: string;
  webinarKey: string;
}) => Promise<RegistrationFields>;

export interface PrepareFormOptions {
  db: Db;
  accountId: string;
  input: ParsedFormInput;
  loadRegistrationFields: LoadRegistrationFields;
  now?: Date;
  /** Who is saving: only an admin may redirect to a site not on the account's list. Default marketer. */
  actor?: RedirectActor;
  /** The service's own host (PUBLIC_URL): redirecting to its own pages is never external. */
  ownHost?: string;
  /** The stored form's redirect: keeping it unchanged needs no new permission. */
  keptRedirectUrl?: string | null;
}

/** What an admin's input becomes: the form's own columns, ready to store. */
export type PreparedForm = Omit<FormDefinition, "id" | "accountId" | "archivedAt" | "createdAt" | "updatedAt">;

const LABELS: Record<string, string> = { email: "email", firstName: "first name", lastName: "last name" };

/**
 * Checks a form against the rules a register-for-webinar action brings (Pardot: e-mail, first
 * and last name required; only upcoming webinars of verified connectors) and turns the input
 * into what is stored: labels filled in, tags by name, custom questions with GoTo's answer keys.
 */
export async function prepareForm(options: PrepareFormOptions): Promise<PreparedForm> {
  const { db, accountId, input } = options;
  const now = options.now ?? new Date();

  const registerIndexes = input.completionActions.flatMap((action, i) =>
    action.type === "REGISTER_WEBINAR" ? [i] : [],
  );
  if (registerIndexes.length > 1) {
    throw invalid(
      `completionActions.${registerIndexes[1]}`,
      "A form can register for one webinar only; remove the extra register-for-webinar action",
    );
  }

  const seen = new Set<string>();
  input.fields.forEach((field, i) => {
    const key = field.name ?? `question ${field.questionKey}`;
    if (seen.has(key)) throw invalid(`fields.${i}`, `The field ${key} appears twice in the form`);
    seen.add(key);
  });

  const emailIndex = input.fields.findIndex((field) => field.name === "email");
  if (emailIndex < 0)
    throw invalid("fields", "Every form needs an email field: prospects are found by their e-mail address");
  if (input.fields[emailIndex]!.required === false) {
    throw invalid(
      `fields.${emailIndex}.required`,
      "The email field is always required: prospects are found by their e-mail address",
    );
  }

  const completionActions: CompletionAction[] = [];
  let registerWebinar:
    | { id: string; subject: string; connectorId: string; webinarKey: string; programId: string | null }
    | undefined;
  for (const [i, action] of input.completionActions.entries()) {
    switch (action.type) {
      case "REGISTER_WEBINAR": {
        registerWebinar = await checkRegisterWebinar(
          db,
          accountId,
          action.webinarId,
          `completionActions.${i}.webinarId`,
          now,
        );
        if ((action.sessions === "all" || action.sessions === "choose") && !registerWebinar.programId) {
          throw invalid(
            `completionActions.${i}.sessions`,
            `"${registerWebinar.subject}" is not a session of a series; register for it alone (sessions: "picked")`,
            action.sessions,
          );
        }
        completionActions.push({
          type: "REGISTER_WEBINAR",
          webinarId: action.webinarId,
          ...(action.sessions === "all" || action.sessions === "choose" ? { sessions: action.sessions } : {}),
        });
        break;
      }
      case "ADD_TO_LIST": {
        if (action.list !== undefined) {
          const made = await findOrCreateList({
            db,
            accountId,
            listName: action.list,
            field: `completionActions.${i}.list`,
          });
          if (!completionActions.some((a) => a.type === "ADD_TO_LIST" && a.listId === made.id))
            completionActions.push({ type: "ADD_TO_LIST", listId: made.id });
          break;
        }
        const list = await db.list.findFirst({
          where: { id: action.listId, accountId },
          select: { id: true, kind: true, name: true },
        });
        if (!list)
          throw invalid(
            `completionActions.${i}.listId`,
            `There is no list ${action.listId} in this account`,
            action.listId,
          );
        // A dynamic list's members follow its criteria: a form cannot add to it.
        if (list.kind === "DYNAMIC")
          throw invalid(
            `completionActions.${i}.listId`,
            `"${list.name}" is a dynamic list (its members follow its criteria); choose a static list`,
            action.listId,
          );
        if (!completionActions.some((a) => a.type === "ADD_TO_LIST" && a.listId === list.id)) {
          completionActions.push({ type: "ADD_TO_LIST", listId: list.id });
        }
        break;
      }
      case "ADD_TAG": {
        let tag = action.tag;
        if (action.tagId) {
          const found = await db.tag.findFirst({ where: { id: action.tagId, accountId }, select: { name: true } });
          if (!found)
            throw invalid(
              `completionActions.${i}.tagId`,
              `There is no tag ${action.tagId} in this account`,
              action.tagId,
            );
          tag = found.name;
        }
        if (tag && !completionActions.some((a) => a.type === "ADD_TAG" && a.tag === tag))
          completionActions.push({ type: "ADD_TAG", tag });
        break;
      }
      case "ADJUST_SCORE":
        completionActions.push({ type: "ADJUST_SCORE", points: action.points });
        break;
    }
  }

  if (registerWebinar) {
    const isRequired = (name: string) =>
      input.fields.some((field) => field.name === name && (field.required ?? name === "email"));
    const missing = REGISTRATION_REQUIRED_FIELDS.filter((name) => !isRequired(name));
    if (missing.length > 0) {
      throw invalid(
        "fields",
        `A form that registers for a webinar must have email, first name and last name as required fields (GoTo Webinar cannot register anyone without them); missing or not required: ${missing.map((name) => LABELS[name]).join(", ")}`,
      );
    }
  }

  const hasQuestions = input.fields.some((field) => field.questionKey !== undefined);
  if (hasQuestions && !registerWebinar) {
    const index = input.fields.findIndex((field) => field.questionKey !== undefined);
    throw invalid(
      `fields.${index}.questionKey`,
      "A field mapped to a GoTo custom question needs a register-for-webinar action on the form",
    );
  }
  const gotoForm = registerWebinar
    ? await loadRegistrationForm(options.loadRegistrationFields, registerWebinar)
    : undefined;

  const fields: FormField[] = input.fields.map((field, i) => {
    if (field.name !== undefined) {
      return {
        kind: "standard",
        name: field.name,
        label: field.label ?? STANDARD_FIELDS[field.name].label,
        required: field.required ?? field.name === "email",
      };
    }
    const question = gotoForm?.questions.find((q) => q.questionKey === field.questionKey);
    if (!question) {
      throw invalid(
        `fields.${i}.questionKey`,
        `Question ${field.questionKey} is not a custom question of webinar "${registerWebinar?.subject}" in GoTo Webinar`,
        field.questionKey,
      );
    }
    const mapped: QuestionFormField = {
      kind: "question",
      name: questionFieldName(question.questionKey),
      label: field.label ?? question.question,
      required: field.required ?? question.required,
      questionKey: question.questionKey,
      questionType: question.type === "multipleChoice" ? "multipleChoice" : "shortAnswer",
      maxLength: question.maxSize ?? 256,
      options: (question.answers ?? []).map((answer) => ({ answerKey: answer.answerKey, label: answer.answer })),
    };
    return mapped;
  });

  if (gotoForm && registerWebinar) checkGotoRequirements(gotoForm, fields, registerWebinar.subject);

  return {
    name: input.name,
    fields,
    completionActions,
    consents: prepareConsents(input.consents ?? []),
    campaignId: await checkCampaign(db, accountId, input.campaignId ?? null),
    thankYouMessage: input.thankYouMessage ?? null,
    redirectUrl: await preparedRedirect(options),
  };
}

/** Names default to the text made a key; two consents of one name would overwrite each other on the prospect. */
function prepareConsents(input: NonNullable<ParsedFormInput["consents"]>): FormConsent[] {
  const consents: FormConsent[] = [];
  input.forEach((consent, i) => {
    const name =
      consent.name ??
      (consent.text
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+/, "")
        .slice(0, 50)
        .replace(/-+$/, "") ||
        `consent-${i + 1}`);
    if (consents.some((c) => c.name === name))
      throw invalid(
        `consents.${i}.name`,
        `Two consents are named "${name}"; give each its own name (it keys the consent on the prospect)`,
        name,
      );
    consents.push({ name, text: consent.text, version: consent.version, required: consent.required ?? false });
  });
  return consents;
}

async function checkCampaign(db: Db, accountId: string, campaignId: string | null): Promise<string | null> {
  return campaignId ? (await getAccountCampaign({ db, accountId, campaignId, field: "campaignId" })).id : null;
}

async function checkRegisterWebinar(db: Db, accountId: string, webinarId: string, field: string, now: Date) {
  const webinar = await db.webinar.findFirst({
    where: { id: webinarId, accountId },
    select: {
      id: true,
      subject: true,
      connectorId: true,
      webinarKey: true,
      status: true,
      startsAt: true,
      endsAt: true,
      cancelledAt: true,
      programId: true,
      connector: { select: { name: true, status: true } },
    },
  });
  if (!webinar) throw invalid(field, `There is no webinar ${webinarId} in this account`, webinarId);
  if (webinar.connector.status !== "VERIFIED") {
    throw invalid(
      field,
      `The webinar "${webinar.subject}" belongs to connector "${webinar.connector.name}", which is not verified; verify the connector or pick another webinar`,
      webinarId,
    );
  }
  const closed = webinarClosedReason(webinar, now);
  if (closed) throw invalid(field, `Pick an upcoming webinar: for "${webinar.subject}" ${closed}`, webinarId);
  return webinar;
}

/** Reads a webinar's registration form from GoTo; a failure becomes a retryable UPSTREAM error naming the webinar. */
export async function loadRegistrationForm(
  load: LoadRegistrationFields,
  webinar: { subject: string; connectorId: string; webinarKey: string },
) {
  try {
    return await load(webinar);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      "UPSTREAM",
      `Could not read the registration form of webinar "${webinar.subject}" from GoTo Webinar (${(error as Error).message}); try again in a moment`,
      { retryable: true },
      { cause: error },
    );
  }
}

/** GoTo refuses registrations missing a field or question it marks required: refuse the form now, not each submission later. */
function checkGotoRequirements(gotoForm: RegistrationFields, fields: FormField[], subject: string) {
  for (const gotoField of gotoForm.fields) {
    if (!gotoField.required || !isStandardField(gotoField.field)) continue;
    if (!fields.some((field) => field.kind === "standard" && field.name === gotoField.field && field.required)) {
      throw invalid(
        "fields",
        `GoTo Webinar requires "${STANDARD_FIELDS[gotoField.field].label}" to register for "${subject}": add it to the form as a required field`,
      );
    }
  }
  for (const question of gotoForm.questions) {
    if (!question.required) continue;
    if (
      !fields.some((field) => field.kind === "question" && field.questionKey === question.questionKey && field.required)
    ) {
      throw invalid(
        "fields",
        `GoTo Webinar requires an answer to "${question.question}" (question ${question.questionKey}) to register for "${subject}": add it to the form as a required field`,
      );
    }
  }
}

async function preparedRedirect(options: PrepareFormOptions): Promise<string | null> {
  const wanted = options.input.redirectUrl;
  if (!wanted) return null;
  if (options.keptRedirectUrl && wanted === options.keptRedirectUrl) return wanted;
  return checkRedirectUrl({
    redirectUrl: wanted,
    actor: options.actor ?? "MARKETER",
    domains: await getRedirectDomains(options),
    ...(options.ownHost ? { ownHost: options.ownHost } : {}),
  });
}
