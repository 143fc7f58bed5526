import {
  applyWebinarProspectsAction,
  exportWebinarProspects,
  getWebinarDetail,
  listWebinarProspects,
  listWebinarReport,
  SEGMENTS,
  WEBINAR_PROSPECT_SORTS,
  WEBINAR_PROSPECTS_ACTIONS,
  WEBINAR_REPORT_SORTS,
} from "@gw/domain/reports";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { errorBody } from "./auth-schemas";
import { sendCsv } from "./csv-reply";
import {
  booleanQuery,
  errors,
  idParams,
  nullableString,
  orderQuery,
  pageOf,
  pageQuery,
  searchQuery,
} from "./prospects";

const status = z.enum(["SCHEDULED", "LIVE", "ENDED", "CANCELLED"]);
const count = z.number().int();

const webinarReportRow = z
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

const webinarDetail = z.object({
  webinar: webinarReportRow.extend({
    webinarKey: z.string(),
    description: nullableString,
    registrationUrl: nullableString,
    finished: z.boolean(),
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
});

const webinarProspect = z.object({
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
});

const segment = z.enum(SEGMENTS);
const drillDownQuery = {
  segment: segment.default("registered"),
  q: searchQuery,
  sort: z.enum(WEBINAR_PROSPECT_SORTS).optional(),
  order: orderQuery,
  includeFiltered: booleanQuery(false).describe("show filtered prospects (employees, exclusion rules) too"),
};

const actionBody = z
  .object({
    segment,
    prospectIds: z
      .union([z.literal("all"), z.array(z.uuid()).min(1).max(5000)])
      .describe('chosen prospect ids, or "all" of the segment'),
    q: searchQuery.describe('with "all": the drill-down search to honour'),
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

/** Reports > Webinars: the report, a webinar's page, its drill-downs, CSV export and bulk actions. */
export const reportRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const { db } = deps;

    app.get(
      "/api/reports/webinars",
      {
        schema: {
          tags: ["reports"],
          summary: "Upcoming or finished webinars with registered, attended and absent counts",
          description:
            "upcoming: scheduled or live and not yet ended, soonest first. finished: ended (or past their end), latest " +
            "first, plus cancelled webinars (status CANCELLED, no attendance) unless includeCancelled=false.",
          querystring: z.object({
            tab: z.enum(["upcoming", "finished"]).default("upcoming"),
            connectorId: z.uuid().optional(),
            q: searchQuery,
            includeCancelled: booleanQuery(true),
            sort: z.enum(WEBINAR_REPORT_SORTS).optional(),
            order: orderQuery,
            ...pageQuery,
          }),
          response: { 200: pageOf(webinarReportRow), ...errors },
        },
      },
      async (request) => listWebinarReport({ db, accountId: authOf(request).accountId, ...request.query }),
    );

    app.get(
      "/api/reports/webinars/:id",
      {
        schema: {
          tags: ["reports"],
          summary: "A webinar with its counts, sessions, registrations per day and attendance totals",
          params: idParams,
          response: { 200: webinarDetail, ...errors },
        },
      },
      async (request) => getWebinarDetail({ db, accountId: authOf(request).accountId, webinarId: request.params.id }),
    );

    app.get(
      "/api/reports/webinars/:id/prospects",
      {
        schema: {
          tags: ["reports"],
          summary: "The prospects behind a webinar's registered, attended or absent count",
          params: idParams,
          querystring: z.object({ ...drillDownQuery, ...pageQuery }),
          response: { 200: pageOf(webinarProspect).extend({ segment }), ...errors },
        },
      },
      async (request) =>
        listWebinarProspects({
          db,
          accountId: authOf(request).accountId,
          webinarId: request.params.id,
          ...request.query,
        }),
    );

    app.get(
      "/api/reports/webinars/:id/prospects.csv",
      {
        schema: {
          tags: ["reports"],
          summary: "Export a drill-down as CSV",
          description:
            "Streams text/csv with a header row; cells starting with = + - @ are prefixed with ' against CSV injection.",
          params: idParams,
          querystring: z.object(drillDownQuery),
          produces: ["text/csv"],
          response: { 200: z.string().describe("CSV"), ...errors },
        },
      },
      async (request, reply) => {
        const exported = await exportWebinarProspects({
          db,
          accountId: authOf(request).accountId,
          webinarId: request.params.id,
          ...request.query,
        });
        return sendCsv(reply, exported);
      },
    );

    app.post(
      "/api/reports/webinars/:id/prospects/actions",
      {
        schema: {
          tags: ["reports"],
          summary: "Add a drill-down's prospects (chosen, or all of the segment) to a list or a tag",
          params: idParams,
          body: actionBody,
          response: {
            200: z.object({
              matched: count.describe("selected prospects in the segment"),
              affected: count.describe("memberships newly added; 0 when repeated"),
              target: z.object({ id: z.uuid(), name: z.string() }),
            }),
            ...errors,
            409: errorBody,
          },
        },
      },
      async (request) => {
        const { accountId } = authOf(request);
        const result = await applyWebinarProspectsAction({
          db,
          accountId,
          webinarId: request.params.id,
          ...request.body,
        });
        request.log.info(
          { webinarId: request.params.id, action: request.body.action, ...result },
          "drill-down bulk action",
        );
        return result;
      },
    );
  };
