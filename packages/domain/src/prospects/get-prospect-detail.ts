import type { prospectDetail } from "@gw/api-contract";
import type { ActivityType, Db } from "@gw/db";
import type { z } from "zod";
import { notFound } from "../errors/index";

/** The prospect page's read: exactly the API's response (one source of truth, dates as Dates). */
export type ProspectDetail = z.infer<typeof prospectDetail>;

const webinarRef = { select: { id: true, subject: true } } as const;

/** Everything the prospect page shows, in one read. */
export async function getProspectDetail(options: {
  db: Db;
  accountId: string;
  prospectId: string;
}): Promise<ProspectDetail> {
  const p = await options.db.prospect.findFirst({
    where: { id: options.prospectId, accountId: options.accountId },
    include: {
      campaign: { select: { id: true, name: true } },
      mergedInto: { select: { id: true, email: true } },
      mergedFrom: { select: { id: true, email: true }, orderBy: { createdAt: "asc" } },
      lists: { select: { list: { select: { id: true, name: true } } }, orderBy: { list: { name: "asc" } } },
      tags: { select: { tag: { select: { id: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
      activities: { include: { webinar: webinarRef }, orderBy: [{ occurredAt: "desc" }, { type: "desc" }] },
      registrations: {
        include: { webinar: { select: { id: true, subject: true, startsAt: true } } },
        orderBy: { registeredAt: "desc" },
      },
      requests: { include: { webinar: webinarRef }, orderBy: { createdAt: "desc" } },
      submissions: {
        where: { requests: { none: {} } },
        select: { id: true, createdAt: true, form: { select: { id: true, name: true, completionActions: true } } },
        orderBy: { createdAt: "desc" },
        take: 200,
      },
    },
  });
  if (!p) throw notFound("Prospect", options.prospectId);
  const consents = await consentsOf(options.db, p.consents);
  return {
    id: p.id,
    email: p.email,
    firstName: p.firstName,
    lastName: p.lastName,
    company: p.company,
    jobTitle: p.jobTitle,
    phone: p.phone,
    address: p.address,
    city: p.city,
    state: p.state,
    zipCode: p.zipCode,
    country: p.country,
    industry: p.industry,
    numberOfEmployees: p.numberOfEmployees,
    purchasingRole: p.purchasingRole,
    purchasingTimeFrame: p.purchasingTimeFrame,
    questionsAndComments: p.questionsAndComments,
    customFields: isObject(p.customFields) ? p.customFields : {},
    score: p.score,
    source: p.source,
    filtered: p.filtered,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    campaign: p.campaign,
    mergedInto: p.mergedInto,
    mergedFrom: p.mergedFrom,
    lists: p.lists.map((m) => m.list),
    tags: p.tags.map((t) => t.tag),
    consents,
    timeline: p.activities.map((a) => ({
      id: a.id,
      type: a.type,
      occurredAt: a.occurredAt,
      points: a.points,
      webinar: a.webinar,
      answers: answersOf(
        a.type,
        a.details,
        p.registrations.find((r) => r.webinarId === a.webinarId),
      ),
    })),
    registrations: p.registrations.map((r) => ({
      id: r.id,
      webinar: r.webinar,
      status: r.status,
      source: r.source,
      sourceLabel: r.sourceLabel,
      attended: r.attended,
      minutesAttended: Math.round(r.attendanceSeconds / 60),
      registeredAt: r.registeredAt,
      cancelledAt: r.cancelledAt,
    })),
    registrationRequests: p.requests.map((r) => ({
      id: r.id,
      webinar: r.webinar,
      status: r.status,
      lastError: r.lastError,
      attempts: r.attempts,
      createdAt: r.createdAt,
      completedAt: r.completedAt,
      // Requests are written by forms (FORM) and rules (RULE) only.
      origin: r.source === "RULE" ? ("RULE" as const) : ("FORM" as const),
    })),
    unregisteredSubmissions: p.submissions.map((s) => ({
      id: s.id,
      form: { id: s.form.id, name: s.form.name },
      submittedAt: s.createdAt,
      reason: hasRegisterAction(s.form.completionActions) ? "NOT_REGISTERED" : "NO_REGISTER_ACTION",
    })),
  };
}

const hasRegisterAction = (actions: unknown) =>
  Array.isArray(actions) && actions.some((a) => isObject(a) && a.type === "REGISTER_WEBINAR");

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type QA = { question: string; answers: string[] };

function qaList(value: unknown): QA[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!isObject(item) || typeof item.question !== "string") return [];
    const answers = Array.isArray(item.answers) ? item.answers.map(String) : [];
    return [{ question: item.question, answers }];
  });
}

function answersOf(
  type: ActivityType,
  details: unknown,
  registration: { pollAnswers: unknown; surveyAnswers: unknown; surveyResponses: unknown } | undefined,
): QA[] {
  if (type === "ASKED_QUESTION") {
    const questions = isObject(details) && Array.isArray(details.questions) ? details.questions : [];
    return questions.map((q) => ({ question: String(q), answers: [] }));
  }
  if (!registration) return [];
  if (type === "ANSWERED_POLL") return qaList(registration.pollAnswers);
  if (type !== "ANSWERED_SURVEY") return [];
  const fromApi = qaList(registration.surveyAnswers);
  if (fromApi.length > 0) return fromApi;
  // survey.submitted webhooks: [{ surveyName, responses: [{ question, answers }] }]
  return Array.isArray(registration.surveyResponses)
    ? registration.surveyResponses.flatMap((s) => (isObject(s) ? qaList(s.responses) : []))
    : [];
}

type StoredConsent = { text?: unknown; version?: unknown; givenAt?: unknown; formId?: unknown };

/** The prospect's consents (stored by name, see writeSubmission) with the forms' names, newest first. */
async function consentsOf(db: Db, stored: unknown): Promise<ProspectDetail["consents"]> {
  if (!isObject(stored)) return [];
  const entries = Object.entries(stored as Record<string, StoredConsent>).filter(
    ([, c]) => isObject(c) && typeof c.text === "string" && typeof c.givenAt === "string",
  );
  const formIds = [...new Set(entries.flatMap(([, c]) => (typeof c.formId === "string" ? [c.formId] : [])))];
  const forms = formIds.length
    ? await db.form.findMany({ where: { id: { in: formIds } }, select: { id: true, name: true } })
    : [];
  return entries
    .map(([name, c]) => ({
      name,
      text: String(c.text),
      version: String(c.version ?? ""),
      givenAt: new Date(String(c.givenAt)),
      form: forms.find((f) => f.id === c.formId) ?? null,
    }))
    .sort((a, b) => b.givenAt.getTime() - a.givenAt.getTime());
}
