import {
  errorBody,
  formErrors,
  formIdParams,
  formInputSchema,
  formList,
  formsQuery,
  formView,
  registrationForm,
  webinarOptions,
  webinarQuestionsParams,
} from "@gw/api-contract";
import { createConnectorGotoClient } from "@gw/domain/connectors";
import {
  archiveForm,
  createForm,
  type FormDefinition,
  getForm,
  getWebinarQuestions,
  type LoadRegistrationFields,
  listFormStats,
  listForms,
  listWebinarOptions,
  updateForm,
} from "@gw/domain/forms";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

/** Forms of the caller's account: the admin side of hosted forms (see hosted-forms.ts for the public side). */
export const formRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, config, secretBox } = deps;
    const ownHost = new URL(config.http.publicUrl).hostname;
    const present = (form: FormDefinition) => ({
      id: form.id,
      name: form.name,
      fields: form.fields,
      completionActions: form.completionActions,
      consents: form.consents,
      campaignId: form.campaignId,
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
          querystring: formsQuery,
          response: {
            200: formList,
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
        const stats = await listFormStats({
          db,
          accountId,
          forms: forms.map((form) => ({
            id: form.id,
            webinarIds: form.completionActions.flatMap((a) => (a.type === "REGISTER_WEBINAR" ? [a.webinarId] : [])),
            listIds: form.completionActions.flatMap((a) => (a.type === "ADD_TO_LIST" ? [a.listId] : [])),
          })),
        });
        return {
          forms: forms.map((form) => {
            const found = stats.get(form.id);
            return {
              ...present(form),
              stats: {
                views: found?.views ?? 0,
                submissions: found?.submissions ?? 0,
                registrations: found?.registrations ?? 0,
                pending: found?.pending ?? 0,
                failures: found?.failures ?? 0,
              },
              names: { webinars: found?.webinarSubjects ?? {}, lists: found?.listNames ?? {} },
            };
          }),
          total,
        };
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
          response: { 200: webinarOptions, 401: errorBody },
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
          params: webinarQuestionsParams,
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
          response: { 201: formView, ...formErrors },
        },
      },
      async (request, reply) => {
        const form = await createForm({
          db,
          accountId: authOf(request).accountId,
          input: request.body,
          loadRegistrationFields,
          actor: authOf(request).role,
          ownHost,
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
          response: { 200: formView, ...formErrors },
        },
      },
      async (request) => {
        const form = await updateForm({
          db,
          accountId: authOf(request).accountId,
          formId: request.params.formId,
          input: request.body,
          loadRegistrationFields,
          actor: authOf(request).role,
          ownHost,
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
