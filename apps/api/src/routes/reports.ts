import {
  attendanceTrend,
  attendanceTrendQuery,
  errorBody,
  errors,
  idParams,
  webinarDetail,
  webinarProspectsActionBody,
  webinarProspectsActionResult,
  webinarProspectsCsv,
  webinarProspectsCsvQuery,
  webinarProspectsPage,
  webinarProspectsQuery,
  webinarReportCsv,
  webinarReportCsvQuery,
  webinarReportPage,
  webinarReportQuery,
} from "@gw/api-contract";
import {
  applyWebinarProspectsAction,
  exportWebinarProspects,
  exportWebinarReport,
  getAttendanceTrend,
  getWebinarDetail,
  listWebinarProspects,
  listWebinarReport,
} from "@gw/domain/reports";
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** Reports > Webinars: the report, a webinar's page, its drill-downs, CSV export and bulk actions. */
export const reportRoutes = ({ db }: ApiDeps) =>
  accountPlugin({ tags: ["reports"], errors }, (route) => {
    route.get(
      "/api/reports/webinars",
      {
        summary: "Upcoming or finished webinars with registered, attended and absent counts",
        description:
          "upcoming: scheduled or live and not yet ended, soonest first. finished: ended (or past their end), latest " +
          "first, plus cancelled webinars (status CANCELLED, no attendance) unless includeCancelled=false.",
        querystring: webinarReportQuery,
        reply: webinarReportPage,
      },
      async ({ accountId, query }) => listWebinarReport({ db, accountId, ...query }),
    );

    route.csv(
      "/api/reports/webinars.csv",
      {
        summary: "Export the webinars report as filtered (one row per webinar) as CSV",
        description:
          "The same filter and order as GET /api/reports/webinars, every page. Streams text/csv with a header row; " +
          "cells starting with = + - @ are prefixed with ' against CSV injection.",
        querystring: webinarReportCsvQuery,
        reply: webinarReportCsv,
      },
      ({ accountId, query }) => exportWebinarReport({ db, accountId, ...query }),
    );

    route.get(
      "/api/reports/webinars/trend",
      {
        summary: "Attendance across the finished webinars the report's filter matches, oldest first",
        description:
          "One point per finished (not cancelled) webinar: registered, attended, absent and the attendance rate; " +
          "the newest `limit` of them.",
        querystring: attendanceTrendQuery,
        reply: attendanceTrend,
      },
      async ({ accountId, query }) => getAttendanceTrend({ db, accountId, ...query }),
    );

    route.get(
      "/api/reports/webinars/:id",
      {
        summary: "A webinar with its counts, sessions, registrations per day and attendance totals",
        params: idParams,
        reply: webinarDetail,
      },
      async ({ accountId, params }) => getWebinarDetail({ db, accountId, webinarId: params.id }),
    );

    route.get(
      "/api/reports/webinars/:id/prospects",
      {
        summary: "The prospects behind a webinar's registered, attended or absent count",
        params: idParams,
        querystring: webinarProspectsQuery,
        reply: webinarProspectsPage,
      },
      async ({ accountId, params, query }) => listWebinarProspects({ db, accountId, webinarId: params.id, ...query }),
    );

    route.csv(
      "/api/reports/webinars/:id/prospects.csv",
      {
        summary: "Export a drill-down as CSV",
        description:
          "Streams text/csv with a header row; cells starting with = + - @ are prefixed with ' against CSV injection.",
        params: idParams,
        querystring: webinarProspectsCsvQuery,
        reply: webinarProspectsCsv,
      },
      ({ accountId, params, query }) => exportWebinarProspects({ db, accountId, webinarId: params.id, ...query }),
    );

    route.post(
      "/api/reports/webinars/:id/prospects/actions",
      {
        summary: "Add a drill-down's prospects (chosen, or all of the segment) to a list or a tag",
        params: idParams,
        body: webinarProspectsActionBody,
        reply: webinarProspectsActionResult,
        errors: { ...errors, 409: errorBody },
      },
      async ({ accountId, params, body, request }) => {
        const result = await applyWebinarProspectsAction({ db, accountId, webinarId: params.id, ...body });
        request.log.info({ webinarId: params.id, action: body.action, ...result }, "drill-down bulk action");
        return result;
      },
    );
  });
