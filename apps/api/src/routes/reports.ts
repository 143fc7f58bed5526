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
import { authOf } from "../plugins/auth";
import { sendCsv } from "./csv-reply";

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
          querystring: webinarReportQuery,
          response: { 200: webinarReportPage, ...errors },
        },
      },
      async (request) => listWebinarReport({ db, accountId: authOf(request).accountId, ...request.query }),
    );

    app.get(
      "/api/reports/webinars.csv",
      {
        schema: {
          tags: ["reports"],
          summary: "Export the webinars report as filtered (one row per webinar) as CSV",
          description:
            "The same filter and order as GET /api/reports/webinars, every page. Streams text/csv with a header row; " +
            "cells starting with = + - @ are prefixed with ' against CSV injection.",
          querystring: webinarReportCsvQuery,
          produces: ["text/csv"],
          response: { 200: webinarReportCsv, ...errors },
        },
      },
      async (request, reply) =>
        sendCsv(reply, exportWebinarReport({ db, accountId: authOf(request).accountId, ...request.query })),
    );

    app.get(
      "/api/reports/webinars/trend",
      {
        schema: {
          tags: ["reports"],
          summary: "Attendance across the finished webinars the report's filter matches, oldest first",
          description:
            "One point per finished (not cancelled) webinar: registered, attended, absent and the attendance rate; " +
            "the newest `limit` of them.",
          querystring: attendanceTrendQuery,
          response: { 200: attendanceTrend, ...errors },
        },
      },
      async (request) => getAttendanceTrend({ db, accountId: authOf(request).accountId, ...request.query }),
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
          querystring: webinarProspectsQuery,
          response: { 200: webinarProspectsPage, ...errors },
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
          querystring: webinarProspectsCsvQuery,
          produces: ["text/csv"],
          response: { 200: webinarProspectsCsv, ...errors },
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
          body: webinarProspectsActionBody,
          response: {
            200: webinarProspectsActionResult,
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
