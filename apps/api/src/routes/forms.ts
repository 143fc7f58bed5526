import { createConnectorGotoClient } from "@gw/domain/connectors";
import {
  archiveForm,
  createForm,
  type FormDefinition,
  formInputSchema,
  getForm,
  getWebinarQuestions,
  type LoadRegistrationFields,
  listForms,
  listWebinarOptions,
  STANDARD_FIELD_NAMES,
  updateForm,
} from "@gw/domain/forms";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { errorBody } from "./auth-schemas";

const fieldView = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("standard"),
    name: z.enum(STANDARD_FIELD_NAMES),
    label: z.string(),
    required: z.boolean(),
  }),
  z.object({
    kind: z.literal("question"),
    name: z.string().describe("The input name on the hosted page"),
    label: z.string(),
    required: z.boolean(),
    questionKey: z.string(),
    questionType: z.enum(["shortAnswer", "multipleChoice"]),
    maxLength: z.number().int(),
    options: z.array(z.object({ answerKey: z.string(), label: z.string() })),
  }),
]);

const actionView = z.discriminatedUnion("type", [
  z.object({ type: z.literal("REGISTER_WEBINAR"), webinarId: z.string() }),
  z.object({ type: z.literal("ADD_TO_LIST"), listId: z.string() }),
  z.object({ type: z.literal("ADD_TAG"), tag: z.string() }),
  z.object({ type: z.literal("ADJUST_SCORE"), points: z.number().int() }),
]);

const formView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    fields: z.array(fieldView),
    completionActions: z.array(actionView),
    thankYouMessage: z.string().nullable(),
    redirectUrl: z.string().nullable(),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    hostedUrl: z.string().describe("The public page of the form"),
  })
  .meta({ id: "Form" });

const webinarOption = z.object({
  id: z.uuid(),
  subject: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string().nullable(),
  connector: z.object({ id: z.uuid(), name: z.string() }),
});

const registrationForm = z.object({
  fields: z.array(
    z.object({
      field: z.string(),
      required: z.boolean(),
      maxSize: z.number().optional(),
      answers: z.array(z.string()).optional(),
    }),
  ),
  questions: z.array(
    z.object({
      questionKey: z.string(),
      question: z.string(),
      required: z.boolean(),
      type: z.string(),
      maxSize: z.number().optional(),
      answers: z.array(z.object({ answerKey: z.string(), answer: z.string() })).optional(),
    }),
  ),
});

const formIdParams = z.object({ formId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 502: errorBody };

/** Forms of the caller's account: the admin side of hosted forms (see hosted-forms.ts for the public side). */
export const formRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, config, secretBox } = deps;
    const present = (form: FormDefinition) => ({
      id: form.id,
      name: form.name,
      fields: form.fields,
      completionActions: form.completionActions,
      thankYouMessage: form.thankYouMessage,
      redirectUrl: form.redirectUrl,
      archivedAt: form.archivedAt?.toISOString() ?? null,
      createdAt: form.createdAt.toISOString(),
      updatedAt: form.updatedAt.toISOString(),
      hostedUrl: `${config.http.publicUrl}/f/${form.id}`,
    });
    // One GoTo request per form save with a register action: the webinar's registration form.
    const loadRegistrationFields: LoadRegistrationFields = async ({ connectorId, webinarKey }) => {
      const client = await createConnectorGotoClient({ db, config, secretBox, connectorId });
      return client.getRegistrationFields({ webinarKey });
    };

    app.get(
      "/api/forms",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["forms"],
          summary: "List the account's forms (archived ones with includeArchived=true)",
          querystring: z.object({
            includeArchived: z.enum(["true", "false"]).default("false"),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: {
            200: z.object({ forms: z.array(formView), total: z.number().int() }),
            400: errorBody,
            401: errorBody,
          },
        },
      },
      async (request) => {
        const { accountId } = authOf(request);
        const { forms, total } = await listForms({
          db,
          accountId,
          includeArchived: request.query.includeArchived === "true",
          limit: request.query.limit,
          offset: request.query.offset,
        });
        return { forms: forms.map(present), total };
      },
    );

    app.get(
      "/api/forms/webinar-options",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["forms"],
          summary:
            "Webinars a register-for-webinar action may pick: upcoming ones of verified connectors (never past ones)",
          response: { 200: z.object({ webinars: z.array(webinarOption) }), 401: errorBody },
        },
      },
      async (request) => {
        const webinars = await listWebinarOptions({ db, accountId: authOf(request).accountId });
        return {
          webinars: webinars.map((w) => ({ ...w, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })),
        };
      },
    );

    app.get(
      "/api/forms/webinar-options/:webinarId/questions",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["forms"],
          summary:
            "The webinar's registration form in GoTo: required fields and custom questions (with answer keys) to map form fields to",
          params: z.object({ webinarId: z.uuid() }),
          response: {
            200: registrationForm,
            400: errorBody,
            401: errorBody,
            404: errorBody,
            422: errorBody,
            502: errorBody,
          },
        },
      },
      async (request) =>
        getWebinarQuestions({
          db,
          accountId: authOf(request).accountId,
          webinarId: request.params.webinarId,
          loadRegistrationFields,
        }),
    );

    app.post(
      "/api/forms",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["forms"],
          summary: "Create a form",
          description:
            "A form with a REGISTER_WEBINAR action must have email, first and last name as required fields, and an upcoming webinar of a verified connector; fields with questionKey answer the webinar's custom questions in GoTo.",
          body: formInputSchema,
          response: { 201: formView, ...errors },
        },
      },
      async (request, reply) => {
        const form = await createForm({
          db,
          accountId: authOf(request).accountId,
          input: request.body,
          loadRegistrationFields,
        });
        request.log.info({ formId: form.id }, "form created");
        return reply.status(201).send(present(form));
      },
    );

    app.get(
      "/api/forms/:formId",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["forms"],
          summary: "One form",
          params: formIdParams,
          response: { 200: formView, 400: errorBody, 401: errorBody, 404: errorBody },
        },
      },
      async (request) =>
        present(await getForm({ db, accountId: authOf(request).accountId, formId: request.params.formId })),
    );

    app.put(
      "/api/forms/:formId",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["forms"],
          summary: "Replace a form's definition (same rules as create)",
          params: formIdParams,
          body: formInputSchema,
          response: { 200: formView, ...errors },
        },
      },
      async (request) => {
        const form = await updateForm({
          db,
          accountId: authOf(request).accountId,
          formId: request.params.formId,
          input: request.body,
          loadRegistrationFields,
        });
        request.log.info({ formId: form.id }, "form updated");
        return present(form);
      },
    );

    app.post(
      "/api/forms/:formId/archive",
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ["forms"],
          summary: "Archive a form: its hosted page answers 410 from then on; submissions and registrations stay",
          params: formIdParams,
          response: { 200: formView, 400: errorBody, 401: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const form = await archiveForm({ db, accountId: authOf(request).accountId, formId: request.params.formId });
        request.log.info({ formId: form.id }, "form archived");
        return present(form);
      },
    );
  };
