import { z } from "zod";
import {
  booleanQuery,
  namedRef,
  nullableString,
  orderQuery,
  pageOf,
  pageQuery,
  prospectSummary,
  type RequestOf,
  type ResponseOf,
  searchQuery,
} from "./common";
import { CONTACT_FIELD_NAMES } from "./form-input";

/** The profile columns an admin may edit on the prospect's page, besides e-mail. */
export const EDITABLE_PROSPECT_FIELDS = ["firstName", "lastName", "company", ...CONTACT_FIELD_NAMES] as const;
export type EditableProspectField = (typeof EDITABLE_PROSPECT_FIELDS)[number];

/**
 * The prospect's profile columns besides e-mail: what a form can fill, what a merge carries over
 * to the master, what a rule's SET_FIELD may set. GoTo's standard registration fields map onto
 * them (organization → company).
 */
export const PROSPECT_PROFILE_FIELDS = [
  ...EDITABLE_PROSPECT_FIELDS,
  "numberOfEmployees",
  "purchasingRole",
  "purchasingTimeFrame",
  "questionsAndComments",
] as const;
export type ProspectProfileField = (typeof PROSPECT_PROFILE_FIELDS)[number];

export const PROSPECT_SORTS = ["createdAt", "email", "name", "company", "score"] as const;

/** What a prospect did around a webinar; each type earns the points its scoring rule sets. */
export const ACTIVITY_TYPES = [
  "REGISTERED",
  "ACCEPTED",
  "ATTENDED",
  "CANCELLED",
  "ABSENT",
  "ATTENDED_LIVE",
  "WATCHED_ON_DEMAND",
  "ASKED_QUESTION",
  "ANSWERED_POLL",
  "ANSWERED_SURVEY",
] as const;
export const activityType = z.enum(ACTIVITY_TYPES);
const webinarRef = z.object({ id: z.uuid(), subject: z.string() });

/**
 * A score bound as a query parameter: the same range a segment's score condition allows (Postgres
 * integers would overflow past it: a 500, not a 400), and an empty `?scoreMax=` means no bound, not 0.
 */
const scoreBound = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.coerce.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
);

/** The prospects page's filters (each one given narrows the set); the CSV and "all" of a bulk action honour them. */
export const prospectFilters = {
  listId: z.uuid().optional().describe("members of this list"),
  tagId: z.uuid().optional().describe("prospects with this tag"),
  campaignId: z.uuid().optional().describe("prospects of this campaign"),
  webinarId: z.uuid().optional().describe("with webinarStatus: whose registration for this webinar stands so"),
  webinarStatus: z
    .enum(["registered", "accepted", "attended", "absent", "cancelled"])
    .optional()
    .describe("needs webinarId; default registered (absent only once the webinar's attendance is synced)"),
  scoreMin: scoreBound.describe("score at least"),
  scoreMax: scoreBound.describe("score at most"),
};

export const prospectsQuery = z.object({
  ...prospectFilters,
  q: searchQuery,
  includeMerged: booleanQuery(false).describe("include merged-away records"),
  sort: z.enum(PROSPECT_SORTS).optional(),
  order: orderQuery,
  ...pageQuery,
});

export const prospectListItem = prospectSummary.extend({
  score: z.number().int(),
  filtered: z.boolean(),
  mergedIntoId: z.uuid().nullable(),
  createdAt: z.date(),
});
export const prospectPage = pageOf(prospectListItem);

export const prospectDetail = prospectSummary
  .extend({
    jobTitle: nullableString,
    phone: nullableString,
    address: nullableString,
    city: nullableString,
    state: nullableString,
    zipCode: nullableString,
    country: nullableString,
    industry: nullableString,
    numberOfEmployees: nullableString,
    purchasingRole: nullableString,
    purchasingTimeFrame: nullableString,
    questionsAndComments: nullableString,
    customFields: z.record(z.string(), z.unknown()),
    score: z.number().int(),
    source: z.enum(["GOTO_SYNC", "FORM", "MANUAL"]),
    filtered: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    campaign: namedRef.nullable(),
    mergedInto: z.object({ id: z.uuid(), email: z.string() }).nullable(),
    mergedFrom: z.array(z.object({ id: z.uuid(), email: z.string() })),
    lists: z.array(namedRef),
    tags: z.array(namedRef),
    consents: z
      .array(
        z.object({
          name: z.string(),
          text: z.string(),
          version: z.string(),
          givenAt: z.date(),
          form: namedRef.nullable(),
        }),
      )
      .describe("consents the person gave on forms (the text and version they agreed to, when, on which form)"),
    timeline: z
      .array(
        z.object({
          id: z.uuid(),
          type: activityType,
          occurredAt: z.date(),
          points: z.number().int(),
          webinar: webinarRef,
          answers: z
            .array(z.object({ question: z.string(), answers: z.array(z.string()) }))
            .describe(
              "survey answers (ANSWERED_SURVEY), poll answers (ANSWERED_POLL), questions asked (ASKED_QUESTION)",
            ),
        }),
      )
      .describe("webinar activities, newest first"),
    registrations: z.array(
      z.object({
        id: z.uuid(),
        webinar: webinarRef.extend({ startsAt: z.date() }),
        status: z.enum(["WAITING", "APPROVED", "DENIED", "CANCELLED"]),
        source: z
          .enum(["GOTO", "FORM", "WEBHOOK", "RULE"])
          .describe(
            "GOTO: read from GoTo by the sync; WEBHOOK: from GoTo's webhook; FORM, RULE: our push to GoTo made it, for a form submission or an automation rule",
          ),
        sourceLabel: nullableString.describe("the source told to GoTo (UTM parameters through the account's template)"),
        attended: z.boolean(),
        minutesAttended: z.number().int(),
        registeredAt: z.date(),
        cancelledAt: z.date().nullable(),
      }),
    ),
    registrationRequests: z
      .array(
        z.object({
          id: z.uuid(),
          webinar: webinarRef,
          status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
          lastError: nullableString,
          attempts: z.number().int(),
          createdAt: z.date(),
          completedAt: z.date().nullable(),
          origin: z
            .enum(["FORM", "RULE"])
            .describe("what asked for it: a form submission's register action, or an automation rule's"),
        }),
      )
      .describe(
        "registrations (from forms and automation rules) on their way to GoTo; retry a failed one with POST /api/registration-requests/:id/retry",
      ),
    unregisteredSubmissions: z
      .array(
        z.object({
          id: z.uuid(),
          form: namedRef,
          submittedAt: z.date(),
          reason: z
            .enum(["NO_REGISTER_ACTION", "NOT_REGISTERED"])
            .describe(
              "NO_REGISTER_ACTION: the form registers for no webinar; NOT_REGISTERED: it does, but the prospect was filtered (or the webinar gone) when it was sent",
            ),
        }),
      )
      .describe("form submissions that registered the person for nothing, newest first (at most 200)"),
  })
  .meta({ id: "ProspectDetail" });

const editable = z.string().trim().max(1000).nullable().optional();
export const prospectChanges = z
  .strictObject({
    email: z.email().max(320).optional(),
    filtered: z.boolean().optional(),
    firstName: editable,
    lastName: editable,
    company: editable,
    jobTitle: editable,
    phone: editable,
    address: editable,
    city: editable,
    state: editable,
    zipCode: editable,
    country: editable,
    industry: editable,
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: "send at least one field to change",
  });

export const mergeProspectBody = z.object({ intoId: z.uuid() });

export type ActivityType = z.infer<typeof activityType>;
export type ProspectRow = ResponseOf<typeof prospectListItem>;
export type ProspectDetail = ResponseOf<typeof prospectDetail>;
export type ProspectChanges = RequestOf<typeof prospectChanges>;
export type MergeProspectBody = RequestOf<typeof mergeProspectBody>;

export const prospectsCsvQuery = z.object({ q: searchQuery, ...prospectFilters });

export const prospectsActionBody = z
  .object({
    prospectIds: z
      .union([z.literal("all"), z.array(z.uuid()).min(1).max(5000)])
      .describe('chosen prospect ids, or "all" that q and the filters select'),
    q: searchQuery.describe('with "all": the search to honour'),
    action: z.enum(["ADD_TO_LIST", "ADD_TAG"]),
    listId: z.uuid().optional().describe("the list to add to (ADD_TO_LIST)"),
    listName: z.string().trim().min(1).max(100).optional().describe("a list to use, made if new"),
    tagId: z.uuid().optional(),
    tagName: z.string().trim().min(1).max(100).optional().describe("a tag to use, made if new"),
    filters: z
      .object(prospectFilters)
      .optional()
      .describe('with prospectIds "all": the page\'s filters (list, tag, campaign, webinar status, score)'),
  })
  .superRefine((body, ctx) => {
    if (body.action === "ADD_TO_LIST" && !body.listId && !body.listName)
      ctx.addIssue({ code: "custom", path: ["listId"], message: "ADD_TO_LIST needs listId or listName" });
    if (body.action === "ADD_TAG" && !body.tagId && !body.tagName)
      ctx.addIssue({ code: "custom", path: ["tagId"], message: "ADD_TAG needs tagId or tagName" });
  });
export type ProspectsActionBody = RequestOf<typeof prospectsActionBody>;
