import type { ReferenceKind, ReferenceNames } from "./check-criteria-references";
import type { Condition, Criteria, CriteriaNode, Period, WebinarScope } from "./criteria";

/**
 * The criteria as a sentence a marketer reads: "Prospects who attended “Q3 launch” and whose
 * score is at least 10". Names come from `names` (checkCriteriaReferences); an id no longer
 * known is shown as "(deleted list)".
 */
export function describeCriteria(criteria: Criteria, names: ReferenceNames): string {
  return `Prospects who ${describeNode(criteria, names, true)}`;
}

function describeNode(n: CriteriaNode, names: ReferenceNames, root = false): string {
  if (n.type === "group") {
    const parts = n.conditions.map((c) => describeNode(c, names));
    const joined = parts.join(n.match === "all" ? " and " : " or ");
    const text = root || parts.length === 1 ? joined : `(${joined})`;
    return n.not ? `do not match ${n.match === "all" ? "all of" : "any of"} (${parts.join("; ")})` : text;
  }
  return describeCondition(n, names);
}

const name = (names: ReferenceNames, kind: ReferenceKind, id: string) => {
  const known = names[kind].get(id);
  return known === undefined ? `(deleted ${kind})` : `“${known}”`;
};

function describeCondition(c: Condition, names: ReferenceNames): string {
  const not = c.not === true;
  switch (c.type) {
    case "webinarStatus": {
      const verb = {
        registered: ["registered for", "did not register for"],
        accepted: ["were accepted for", "were not accepted for"],
        attended: ["attended", "did not attend"],
        absent: ["were absent from", "were not absent from"],
        cancelled: ["cancelled their registration for", "did not cancel a registration for"],
      }[c.status];
      return `${verb[not ? 1 : 0]} ${scope(c.webinar, names)}`;
    }
    case "engagement": {
      const where = scope(c.webinar, names);
      if (c.metric === "minutesAttended") {
        return `${not ? "did not attend" : "attended"} ${c.op === "gte" ? "at least" : "at most"} ${c.value} minutes of ${where}`;
      }
      if (c.metric === "attendancePercent") {
        return `${not ? "did not attend" : "attended"} ${c.op === "gte" ? "at least" : "at most"} ${c.value}% of ${where}`;
      }
      const what = {
        askedQuestion: "ask a question in",
        answeredPoll: "answer a poll in",
        answeredSurvey: "answer a survey of",
      }[c.metric];
      return `${not ? "did not" : "did"} ${what} ${where}`;
    }
    case "score":
      return `${not ? "do not have" : "have"} a score ${{ gte: "of at least", lte: "of at most", eq: "of exactly" }[c.op]} ${c.value}`;
    case "field": {
      const field = c.field ? FIELD_LABELS[c.field] : `“${c.customField}”`;
      if (c.op === "isEmpty") return `${not ? "have" : "have no"} ${field}`;
      const op = not
        ? { equals: "is not", contains: "does not contain", startsWith: "does not start with" }[c.op]
        : { equals: "is", contains: "contains", startsWith: "starts with" }[c.op];
      return `have a ${field} that ${op} “${c.value}”`;
    }
    case "campaign":
      return `${not ? "are not" : "are"} in campaign ${name(names, "campaign", c.campaignId)}`;
    case "createdBy":
      return `${not ? "were not" : "were"} created ${{ GOTO_SYNC: "by the GoTo sync", FORM: "by a form", MANUAL: "by hand" }[c.source]}`;
    case "listMember":
      return `${not ? "are not" : "are"} on list ${name(names, "list", c.listId)}`;
    case "hasTag":
      return `${not ? "are not" : "are"} tagged ${name(names, "tag", c.tagId)}`;
    case "submittedForm":
      return `${not ? "did not submit" : "submitted"} form ${name(names, "form", c.formId)}${c.within ? ` ${period(c.within)}` : ""}`;
    case "createdWithin":
      return `${not ? "were not" : "were"} created ${period(c.period)}`;
    case "lastActivityWithin":
      return `${not ? "had no" : "had"} webinar activity ${period(c.period)}`;
  }
}

function scope(s: WebinarScope, names: ReferenceNames): string {
  if ("webinarId" in s) return `webinar ${name(names, "webinar", s.webinarId)}`;
  if ("connectorId" in s) return `any webinar of connector ${name(names, "connector", s.connectorId)}`;
  if ("programId" in s) return `any session of series ${name(names, "program", s.programId)}`;
  if ("subjectContains" in s) return `a webinar whose subject contains “${s.subjectContains}”`;
  if ("startsWithin" in s) return `a webinar held ${period(s.startsWithin)}`;
  return "any webinar";
}

function period(p: Period): string {
  if ("lastDays" in p) return p.lastDays === 1 ? "in the last day" : `in the last ${p.lastDays} days`;
  const day = (iso: string) => iso.slice(0, 10);
  if (p.from && p.to) return `between ${day(p.from)} and ${day(p.to)}`;
  return p.from ? `since ${day(p.from)}` : `until ${day(p.to!)}`;
}

const FIELD_LABELS: Record<string, string> = {
  email: "e-mail",
  firstName: "first name",
  lastName: "last name",
  company: "company",
  jobTitle: "job title",
  phone: "phone",
  address: "address",
  city: "city",
  state: "state",
  zipCode: "zip code",
  country: "country",
  industry: "industry",
  numberOfEmployees: "number of employees",
  purchasingRole: "purchasing role",
  purchasingTimeFrame: "purchasing time frame",
  questionsAndComments: "questions and comments",
};
