import type { z } from "zod";
import { apiTokenList, createApiTokenBody, createdApiToken } from "./api-tokens";
import type { RequestOf, ResponseOf } from "./common";
import { connectorList, connectorView, createConnectorBody } from "./connectors";
import { formInputSchema, formView } from "./forms";
import { hostedFormAccepted, hostedFormSubmission } from "./hosted-forms";
import { list, listPage, nameBody } from "./lists";
import { prospectDetail, prospectPage } from "./prospects";
import {
  webinarProspectsActionBody,
  webinarProspectsActionResult,
  webinarProspectsPage,
  webinarReportPage,
  webinarReportRow,
} from "./reports";

/**
 * Request and response examples for the main resources, shown in the OpenAPI document (`/docs`)
 * next to each operation's body. Typed as the JSON the schema describes, so tsc refuses a field
 * the schema lacks; apps/api/test/openapi-examples.test.ts validates each against the schema in
 * the served document, so an example never shows what the API would not send or take.
 */

const request = <S extends z.ZodType>(_schema: S, value: RequestOf<S>) => value;
const response = <S extends z.ZodType>(_schema: S, value: ResponseOf<S>) => value;

export interface OperationExamples {
  /** The request body's example (application/json). */
  request?: unknown;
  /** An example per documented status code. */
  responses?: Record<number, unknown>;
}

const ids = {
  connector: "0b8f6d52-3c1e-4f7a-9d2b-6a4e1c9f8e07",
  campaign: "5c2e9a71-8d3f-4b6e-a1c4-7f0d2b9e6a35",
  webinar: "9d4b2f86-1a7e-4c3d-b5f9-0e8a6c2d4b71",
  program: "e6a1c3f9-4b8d-42e7-9f05-3d7b1a8c6e24",
  ann: "2a7c9e14-6f3b-4d81-8e2a-5b9f0c7d3e68",
  bob: "7e3f1b9c-2d6a-4e85-b0c7-9a4d8f2e1c53",
  list: "c8d2e5a7-9b1f-4c6e-8a3d-2f7b0e9c4d16",
  tag: "4f9b7d2e-1c8a-4e3f-b6d0-8a5c2e7f9b41",
  form: "b3e8a6d1-7f2c-4b9e-a5d8-1c6f4e0b7a92",
  activity: "d1f4b8e2-6a9c-4d37-8b5e-0f2a7c3e9d65",
  registration: "f7a2d9c4-3e6b-4a18-9c0f-5d8e1b4a7c29",
  token: "a5c1e7b3-9d4f-4e2a-8b6c-3f0d9e5a1b87",
  user: "6b0d3f8a-5e2c-4a97-b1d4-8c7e2a9f0b36",
};

const launchRow = response(webinarReportRow, {
  id: ids.webinar,
  subject: "Q3 product launch: what's new in Insights",
  startsAt: "2026-11-18T16:00:00.000Z",
  endsAt: "2026-11-18T17:00:00.000Z",
  timeZone: "America/New_York",
  status: "ENDED",
  connector: { id: ids.connector, name: "Marketing organizer" },
  registered: 412,
  attended: 187,
  absent: 225,
  attendanceRate: 0.4539,
  program: null,
});

const annDetail = response(prospectDetail, {
  id: ids.ann,
  email: "ann.archer@acme.example",
  firstName: "Ann",
  lastName: "Archer",
  company: "Acme Analytics",
  jobTitle: "Head of Marketing Operations",
  phone: "+1 617 555 0142",
  address: null,
  city: "Boston",
  state: "MA",
  zipCode: "02110",
  country: "United States",
  industry: "Software",
  numberOfEmployees: "201-500",
  purchasingRole: "Decision Maker",
  purchasingTimeFrame: "1-3 months",
  questionsAndComments: null,
  customFields: { "How did you hear about us?": "Newsletter" },
  score: 35,
  source: "FORM",
  filtered: false,
  createdAt: "2026-11-02T09:14:27.000Z",
  updatedAt: "2026-11-18T17:20:03.000Z",
  campaign: { id: ids.campaign, name: "Webinars 2026" },
  mergedInto: null,
  mergedFrom: [],
  lists: [{ id: ids.list, name: "Launch attendees" }],
  tags: [{ id: ids.tag, name: "hot lead" }],
  consents: [
    {
      name: "marketing-emails",
      text: "Send me product news and webinar invitations. I can unsubscribe at any time.",
      version: "2026-10",
      givenAt: "2026-11-02T09:14:28.000Z",
      form: { id: ids.form, name: "Q3 launch: register" },
    },
  ],
  timeline: [
    {
      id: ids.activity,
      type: "ATTENDED",
      occurredAt: "2026-11-18T16:02:11.000Z",
      points: 25,
      webinar: { id: ids.webinar, subject: launchRow.subject },
      answers: [],
    },
  ],
  registrations: [
    {
      id: ids.registration,
      webinar: { id: ids.webinar, subject: launchRow.subject, startsAt: launchRow.startsAt },
      status: "APPROVED",
      source: "FORM",
      sourceLabel: "newsletter / email / q3-launch",
      attended: true,
      minutesAttended: 52,
      registeredAt: "2026-11-02T09:14:28.000Z",
      cancelledAt: null,
    },
  ],
  registrationRequests: [],
  unregisteredSubmissions: [],
});

const followUpList = response(list, {
  id: ids.list,
  name: "Launch no-shows",
  kind: "DYNAMIC",
  memberCount: 225,
  createdAt: "2026-11-19T08:30:00.000Z",
  criteria: {
    type: "group",
    match: "all",
    conditions: [{ type: "webinarStatus", status: "absent", webinar: { webinarId: ids.webinar } }],
  },
  evaluatedAt: "2026-11-19T08:30:01.000Z",
});

const connector = response(connectorView, {
  id: ids.connector,
  name: "Marketing organizer",
  connectorUserEmail: "webinars@acme.example",
  status: "VERIFIED",
  createProspects: true,
  campaignId: ids.campaign,
  campaign: { id: ids.campaign, name: "Webinars 2026" },
  organizerKey: "8139204853306473997",
  gotoAccountKey: "6574830021937465123",
  organizerEmail: "webinars@acme.example",
  organizerName: "Acme Webinars",
  lastError: null,
  lastErrorAt: null,
  problem: null,
  lastSyncAt: "2026-12-01T11:40:00.000Z",
  verifiedAt: "2026-10-01T14:05:42.000Z",
  webhooksEnabled: true,
  hasCustomOAuthClient: false,
  createdAt: "2026-10-01T14:03:10.000Z",
  updatedAt: "2026-12-01T11:40:00.000Z",
});

const readToken = {
  id: ids.token,
  name: "Warehouse export",
  prefix: "gwt_Zk3pQ8vL",
  scopes: ["read" as const],
  createdAt: "2026-11-20T10:00:00.000Z",
  lastUsedAt: "2026-12-01T06:00:04.000Z",
  revokedAt: null,
  createdBy: { id: ids.user, email: "admin@acme.example" },
};

const replayForm = response(formView, {
  id: ids.form,
  name: "Q3 launch: register",
  fields: [
    { kind: "standard", name: "email", label: "Work e-mail", required: true },
    { kind: "standard", name: "firstName", label: "First name", required: true },
    { kind: "standard", name: "lastName", label: "Last name", required: true },
    { kind: "standard", name: "organization", label: "Company", required: false },
  ],
  completionActions: [
    { type: "REGISTER_WEBINAR", webinarId: ids.webinar },
    { type: "ADD_TO_LIST", listId: ids.list },
    { type: "ADJUST_SCORE", points: 10 },
  ],
  thankYouMessage: "Thanks! Your join link is on its way to your inbox.",
  redirectUrl: null,
  consents: [
    {
      name: "marketing-emails",
      text: "Send me product news and webinar invitations. I can unsubscribe at any time.",
      version: "2026-10",
      required: false,
    },
  ],
  campaignId: ids.campaign,
  archivedAt: null,
  createdAt: "2026-10-28T13:45:00.000Z",
  updatedAt: "2026-10-30T09:12:00.000Z",
  hostedUrl: `https://sync.acme.example/f/${ids.form}`,
});

/** Keyed by `METHOD /path` as the document spells them. */
export const OPERATION_EXAMPLES: Record<string, OperationExamples> = {
  "GET /api/reports/webinars": {
    responses: { 200: response(webinarReportPage, { items: [launchRow], total: 1, page: 1, pageSize: 25 }) },
  },
  "GET /api/reports/webinars/{id}/prospects": {
    responses: {
      200: response(webinarProspectsPage, {
        segment: "attended",
        items: [
          {
            id: ids.ann,
            email: annDetail.email,
            firstName: annDetail.firstName,
            lastName: annDetail.lastName,
            company: annDetail.company,
            status: "APPROVED",
            attended: true,
            minutesAttended: 52,
            percentAttended: 86.7,
            questionsAsked: 2,
            pollsAnswered: 3,
            surveysAnswered: 0,
            registeredAt: "2026-11-02T09:14:28.000Z",
            source: "newsletter / email / q3-launch",
            filtered: false,
          },
        ],
        total: 187,
        page: 1,
        pageSize: 25,
        counts: { registered: 412, attended: 187, absent: 225 },
      }),
    },
  },
  "POST /api/reports/webinars/{id}/prospects/actions": {
    request: request(webinarProspectsActionBody, {
      segment: "absent",
      prospectIds: "all",
      action: "ADD_TO_LIST",
      listName: "Launch no-shows: send the recording",
    }),
    responses: {
      200: response(webinarProspectsActionResult, {
        matched: 225,
        affected: 225,
        target: { id: ids.list, name: "Launch no-shows: send the recording" },
      }),
    },
  },
  "GET /api/prospects": {
    responses: {
      200: response(prospectPage, {
        items: [
          {
            id: ids.ann,
            email: annDetail.email,
            firstName: "Ann",
            lastName: "Archer",
            company: "Acme Analytics",
            score: 35,
            filtered: false,
            mergedIntoId: null,
            createdAt: annDetail.createdAt,
          },
          {
            id: ids.bob,
            email: "bob.baker@bolt.example",
            firstName: "Bob",
            lastName: "Baker",
            company: null,
            score: 5,
            filtered: false,
            mergedIntoId: null,
            createdAt: "2026-11-10T17:41:09.000Z",
          },
        ],
        total: 2,
        page: 1,
        pageSize: 25,
      }),
    },
  },
  "GET /api/prospects/{id}": { responses: { 200: annDetail } },
  "GET /api/lists": {
    responses: { 200: response(listPage, { items: [followUpList], total: 1, page: 1, pageSize: 25 }) },
  },
  "POST /api/lists": {
    // The route takes criteria too; without them the list is static and filled by hand, forms or rules.
    request: {
      ...request(nameBody, { name: followUpList.name }),
      criteria: followUpList.criteria,
    },
    responses: { 201: followUpList },
  },
  "POST /api/forms": {
    request: request(formInputSchema, {
      name: replayForm.name,
      fields: [
        { name: "email", label: "Work e-mail" },
        { name: "firstName", label: "First name", required: true },
        { name: "lastName", label: "Last name", required: true },
        { name: "organization", label: "Company" },
      ],
      completionActions: [
        { type: "REGISTER_WEBINAR", webinarId: ids.webinar },
        { type: "ADD_TO_LIST", listId: ids.list },
        { type: "ADJUST_SCORE", points: 10 },
      ],
      thankYouMessage: replayForm.thankYouMessage,
    }),
    responses: { 201: replayForm },
  },
  "POST /f/{formId}": {
    request: request(hostedFormSubmission, {
      email: "cat.cole@corp.example",
      firstName: "Cat",
      lastName: "Cole",
      organization: "Corp Ltd",
    }),
    responses: {
      200: response(hostedFormAccepted, {
        status: "accepted",
        message: "Thanks! Your join link is on its way to your inbox.",
        registrations: [{ status: "registered" }],
      }),
    },
  },
  "GET /api/connectors": { responses: { 200: response(connectorList, { items: [connector] }) } },
  "POST /api/connectors": {
    request: request(createConnectorBody, {
      name: "Marketing organizer",
      connectorUserEmail: "webinars@acme.example",
      createProspects: true,
      campaignId: ids.campaign,
    }),
    responses: {
      201: {
        ...connector,
        status: "UNVERIFIED",
        organizerKey: null,
        gotoAccountKey: null,
        organizerEmail: null,
        organizerName: null,
        lastSyncAt: null,
        verifiedAt: null,
        webhooksEnabled: false,
        updatedAt: connector.createdAt,
      } satisfies ResponseOf<typeof connectorView>,
    },
  },
  "GET /api/tokens": { responses: { 200: response(apiTokenList, { items: [readToken] }) } },
  "POST /api/tokens": {
    request: request(createApiTokenBody, { name: "CRM sync", scopes: ["read", "write"] }),
    responses: {
      201: response(createdApiToken, {
        ...readToken,
        name: "CRM sync",
        scopes: ["read", "write"],
        prefix: "gwt_R2xv7NcE",
        createdAt: "2026-12-01T11:45:00.000Z",
        lastUsedAt: null,
        token: "gwt_R2xv7NcEk1bQ9sT4wY6zA0dF3gH5jL8mP2rV7xC1nB4",
      }),
    },
  },
};
