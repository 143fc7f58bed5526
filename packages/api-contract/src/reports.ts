import { z } from "zod";
import {
  booleanQuery,
  nullableString,
  orderQuery,
  pageOf,
  pageQuery,
  type RequestOf,
  type ResponseOf,
  searchQuery,
} from "./common";

export const SEGMENTS = ["registered", "attended", "absent"] as const;
export const WEBINAR_REPORT_SORTS = [
  "startsAt",
  "subject",
  "registered",
  "attended",
  "absent",
  "attendanceRate",
] as const;
export const WEBINAR_PROSPECT_SORTS = [
  "email",
  "name",
  "company",
  "status",
  "minutes",
  "percent",
  "questions",
  "registeredAt",
] as const;
export const WEBINAR_PROSPECTS_ACTIONS = ["ADD_TO_LIST", "ADD_TAG"] as const;

export const webinarStatus = z.enum(["SCHEDULED", "LIVE", "ENDED", "CANCELLED"]);
const status = webinarStatus;
const count = z.number().int();

export const webinarReportRow = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    startsAt: z.date(),
    endsAt: z.date(),
    timeZone: nullableString.describe("the webinar's IANA time zone"),
    status,
    connector: z.object({ id: z.uuid(), name: z.string() }),
    registered: count.describe("registrations not cancelled"),
    attended: count.nullable().describe("finished webinars only"),
    absent: count.nullable().describe("finished webinars only: registered - attended"),
    attendanceRate: z.number().nullable().describe("attended / registered, finished webinars only"),
    program: z
      .object({ id: z.uuid(), subject: z.string() })
      .nullable()
      .describe("the series this webinar is a session of (GoTo: one webinar per series session)"),
  })
  .meta({ id: "WebinarReportRow" });

export const webinarDetail = z.object({
  webinar: webinarReportRow.extend({
    webinarKey: z.string(),
    description: nullableString,
    registrationUrl: nullableString,
    finished: z.boolean(),
    lastSyncedAt: z.date().nullable().describe("When its registrants (and attendance) were last synced"),
    nextSyncAt: z.date().nullable().describe("Its next planned sync; null when none is planned"),
  }),
  sessions: z.array(
    z.object({
      id: z.uuid(),
      sessionKey: z.string(),
      startsAt: z.date(),
      endsAt: z.date(),
      registrantsAttended: count.nullable(),
      performance: z
        .object({
          registrantCount: count.nullable(),
          percentageAttendance: z.number().nullable(),
          averageInterestRating: z.number().nullable().describe("1-100"),
          averageAttentiveness: z.number().nullable(),
          averageMinutesAttended: count.nullable(),
          pollCount: count.nullable(),
          surveyCount: z.number().nullable(),
          questionsAsked: count.nullable(),
          percentagePollsCompleted: z.number().nullable(),
          percentageSurveysCompleted: z.number().nullable(),
        })
        .nullable()
        .describe("GoTo's session performance, once synced after the session"),
    }),
  ),
  questions: z
    .array(
      z.object({
        id: z.uuid(),
        sessionKey: z.string(),
        question: z.string(),
        askedAt: z.date().nullable(),
        askedBy: z.string().describe("the asker's e-mail as GoTo reports it"),
        prospect: z
          .object({ id: z.uuid(), email: z.string(), firstName: nullableString, lastName: nullableString })
          .nullable(),
        answers: z.array(z.object({ answer: z.string(), answeredBy: nullableString })),
      }),
    )
    .describe("questions attendees asked, oldest first (at most 500)"),
  program: z
    .object({
      id: z.uuid(),
      subject: z.string(),
      sessions: z.array(
        z.object({
          webinarId: z.uuid(),
          subject: z.string(),
          startsAt: z.date(),
          status,
          registered: count,
          attended: count,
        }),
      ),
      totals: z.object({ registered: count, attended: count }),
    })
    .nullable()
    .describe("the series: each session (a webinar of its own) with registrations and attendance, and the totals"),
  registrationsPerDay: z.array(z.object({ date: z.string().describe("YYYY-MM-DD"), count, cumulative: count })),
  seriesTimeZone: z.string().describe("the zone registrationsPerDay's days are cut in"),
  attendance: z.object({
    registered: count,
    attended: count.nullable(),
    absent: count.nullable(),
    totalMinutesAttended: count.nullable(),
    averageMinutesAttended: count.nullable(),
  }),
  sources: z
    .array(z.object({ source: nullableString, registered: count, attended: count.nullable() }))
    .describe(
      "registrations and attendance by source (the label told to GoTo; null: none tracked), most registrations first; attended is null until the webinar is finished",
    ),
});

export const webinarProspect = z.object({
  id: z.uuid().describe("the prospect's id"),
  email: z.string(),
  firstName: nullableString,
  lastName: nullableString,
  company: nullableString,
  status: z.enum(["WAITING", "APPROVED", "DENIED", "CANCELLED"]).describe("the registration's status"),
  attended: z.boolean(),
  minutesAttended: count,
  percentAttended: z.number().nullable().describe("attended share of the sessions' length, 0-100"),
  questionsAsked: count,
  pollsAnswered: count.describe("poll questions answered"),
  surveysAnswered: count.describe("survey questions answered"),
  registeredAt: z.date(),
  source: nullableString.describe("the registration's source label (UTM parameters through the account's template)"),
  filtered: z
    .boolean()
    .describe(
      "matched by an exclusion rule (employee, excluded address or GoTo role); listed only with includeFiltered=true",
    ),
});

export const segment = z.enum(SEGMENTS);
const sourceFilter = z
  .string()
  .max(200)
  .optional()
  .describe('only registrations from this source (as in the webinar\'s sources); "" for those without one');
const drillDownQuery = {
  segment: segment.default("registered"),
  q: searchQuery,
  source: sourceFilter,
  sort: z.enum(WEBINAR_PROSPECT_SORTS).optional(),
  order: orderQuery,
  includeFiltered: booleanQuery(false).describe("show filtered prospects (employees, exclusion rules) too"),
};

export const webinarProspectsActionBody = z
  .object({
    segment,
    prospectIds: z
      .union([z.literal("all"), z.array(z.uuid()).min(1).max(5000)])
      .describe('chosen prospect ids, or "all" of the segment'),
    q: searchQuery.describe('with "all": the drill-down search to honour'),
    includeFiltered: z
      .boolean()
      .default(false)
      .describe('with "all": take filtered prospects too, as the drill-down showing them does'),
    source: sourceFilter.describe('with "all": the drill-down\'s source filter to honour ("" for none tracked)'),
    action: z.enum(WEBINAR_PROSPECTS_ACTIONS),
    listId: z.uuid().optional(),
    listName: z.string().trim().min(1).max(100).optional().describe("a list to use, made if new"),
    tagId: z.uuid().optional(),
    tagName: z.string().trim().min(1).max(100).optional().describe("a tag to use, made if new"),
  })
  .superRefine((body, ctx) => {
    if (body.action === "ADD_TO_LIST" && !body.listId && !body.listName) {
      ctx.addIssue({ code: "custom", path: ["listId"], message: "ADD_TO_LIST needs listId or listName" });
    }
    if (body.action === "ADD_TAG" && !body.tagId && !body.tagName) {
      ctx.addIssue({ code: "custom", path: ["tagId"], message: "ADD_TAG needs tagId or tagName" });
    }
  });

const day = z.iso.date();
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Which webinars a report shows: the page, its CSV and its trend take the same filter. */
const reportFilter = {
  connectorId: z.uuid().optional(),
  q: searchQuery.describe("the webinar's title contains this, ignoring case"),
  from: day.optional().describe("webinars starting on or after this day (YYYY-MM-DD, in timeZone)"),
  to: day.optional().describe("webinars starting on or before this day (YYYY-MM-DD, in timeZone), the whole day"),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, { message: "timeZone must be an IANA time zone such as Europe/Berlin" })
    .optional()
    .describe("the IANA zone from and to are days in (the viewer's); UTC when absent"),
};

const rangeInOrder = (query: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (query.from && query.to && query.from > query.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: "to must be the same day as from or later" });
};

const reportTableQuery = {
  tab: z.enum(["upcoming", "finished"]).default("upcoming"),
  ...reportFilter,
  includeCancelled: booleanQuery(true),
  sort: z.enum(WEBINAR_REPORT_SORTS).optional(),
  order: orderQuery,
};

export const webinarReportQuery = z.object({ ...reportTableQuery, ...pageQuery }).superRefine(rangeInOrder);
export const webinarReportCsvQuery = z.object(reportTableQuery).superRefine(rangeInOrder);
export const attendanceTrendQuery = z.object(reportFilter).superRefine(rangeInOrder);

export const attendanceTrend = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        subject: z.string(),
        startsAt: z.date(),
        registered: count,
        attended: count,
        absent: count,
        attendanceRate: z.number().nullable().describe("attended / registered; null when nobody registered"),
      }),
    ),
    total: count.describe("finished webinars matching the filter"),
    limit: count.describe("items holds the newest `limit` of them, oldest first"),
  })
  .meta({ id: "AttendanceTrend" });

/** The report's summary export: text/csv, one row per webinar. */
export const webinarReportCsv = z.string().describe("CSV");

export const webinarReportPage = pageOf(webinarReportRow);

export const webinarProspectsQuery = z.object({ ...drillDownQuery, ...pageQuery });
export const webinarProspectsCsvQuery = z.object(drillDownQuery);
export const webinarProspectsPage = pageOf(webinarProspect).extend({
  segment,
  counts: z
    .object({
      registered: count,
      attended: count.nullable().describe("null until the webinar has finished"),
      absent: count.nullable().describe("null until the webinar has finished"),
    })
    .describe(
      "each segment's size as the tabs show it: filtered prospects counted only with includeFiltered=true, the source " +
        "filter applied, the search not",
    ),
});

export const webinarProspectsActionResult = z.object({
  matched: count.describe("selected prospects in the segment"),
  affected: count.describe("memberships newly added; 0 when repeated"),
  target: z.object({ id: z.uuid(), name: z.string() }),
});

export type WebinarStatus = z.infer<typeof webinarStatus>;
export type Segment = z.infer<typeof segment>;
export type WebinarReportRow = ResponseOf<typeof webinarReportRow>;
export type AttendanceTrend = ResponseOf<typeof attendanceTrend>;
export type WebinarDetail = ResponseOf<typeof webinarDetail>;
export type WebinarProspect = ResponseOf<typeof webinarProspect>;
export type WebinarProspectsPage = ResponseOf<typeof webinarProspectsPage>;
export type WebinarProspectsActionBody = RequestOf<typeof webinarProspectsActionBody>;
export type BulkActionResult = ResponseOf<typeof webinarProspectsActionResult>;

/** The drill-down export: text/csv with a header row. */
export const webinarProspectsCsv = z.string().describe("CSV");
