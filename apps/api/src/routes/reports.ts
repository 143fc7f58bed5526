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
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { accountRoute } from "./account-route";
import { csvRoute } from "./csv-reply";

/** Reports > Webinars: the report, a webinar's page, its drill-downs, CSV export and bulk actions. */
export const reportRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const { db } = deps;

    const tags = ["reports"];

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/reports/webinars",
        tags,
        summary: "Upcoming or finished webinars with registered, attended and absent counts",
        description:
          "upcoming: scheduled or live and not yet ended, soonest first. finished: ended (or past their end), latest " +
          "first, plus cancelled webinars (status CANCELLED, no attendance) unless includeCancelled=false.",
        querystring: webinarReportQuery,
        reply: webinarReportPage,
        errors,
      },
      async ({ accountId, query }) => listWebinarReport({ db, accountId, ...query }),
    );

    csvRoute(
      app,
      {
        method: "GET",
        url: "/api/reports/webinars.csv",
        tags,
        summary: "Export the webinars report as filtered (one row per webinar) as CSV",
        description:
          "The same filter and order as GET /api/reports/webinars, every page. Streams text/csv with a header row; " +
          "cells starting with = + - @ are prefixed with ' against CSV injection.",
        querystring: webinarReportCsvQuery,
        reply: webinarReportCsv,
        errors,
      },
      ({ accountId, query }) => exportWebinarReport({ db, accountId, ...query }),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/reports/webinars/trend",
        tags,
        summary: "Attendance across the finished webinars the report's filter matches, oldest first",
        description:
          "One point per finished (not cancelled) webinar: registered, attended, absent and the attendance rate; " +
          "the newest `limit` of them.",
        querystring: attendanceTrendQuery,
        reply: attendanceTrend,
        errors,
      },
      async ({ accountId, query }) => getAttendanceTrend({ db, accountId, ...query }),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/reports/webinars/:id",
        tags,
        summary: "A webinar with its counts, sessions, registrations per day and attendance totals",
        params: idParams,
        reply: webinarDetail,
        errors,
      },
      async ({ accountId, params }) => getWebinarDetail({ db, accountId, webinarId: params.id }),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/reports/webinars/:id/prospects",
        tags,
        summary: "The prospects behind a webinar's registered, attended or absent count",
        params: idParams,
        querystring: webinarProspectsQuery,
        reply: webinarProspectsPage,
        errors,
      },
      async ({ accountId, params, query }) => listWebinarProspects({ db, accountId, webinarId: params.id, ...query }),
    );

    csvRoute(
      app,
      {
        method: "GET",
        url: "/api/reports/webinars/:id/prospects.csv",
        tags,
        summary: "Export a drill-down as CSV",
        description:
          "Streams text/csv with a header row; cells starting with = + - @ are prefixed with ' against CSV injection.",
        params: idParams,
        querystring: webinarProspectsCsvQuery,
        reply: webinarProspectsCsv,
        errors,
      },
      ({ accountId, params, query }) => exportWebinarProspects({ db, accountId, webinarId: params.id, ...query }),
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/reports/webinars/:id/prospects/actions",
        tags,
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
  };
