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
import type { FastifyRequest } from "fastify";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { accountPlugin } from "./account-routes";

const oneForm = { 400: errorBody, 401: errorBody, 404: errorBody };

/** Forms of the caller's account: the admin side of hosted forms (see hosted-forms.ts for the public side). */
export const formRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["forms"], errors: oneForm, check: "route" }, (route) => {
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

    // What a saved definition is checked with: the webinar's registration form, who saves it, our own host.
    const checks = (request: FastifyRequest) => ({ loadRegistrationFields, actor: authOf(request).role, ownHost });
    // A change answers the form as it now is, once logged.
    const changed = (request: FastifyRequest, what: "created" | "updated" | "archived", form: FormDefinition) => {
      request.log.info({ formId: form.id }, `form ${what}`);
      return present(form);
    };

    route.get(
      "/api/forms",
      {
        summary: "List the account's forms (archived ones with includeArchived=true)",
        querystring: formsQuery,
        reply: formList,
        errors: { 400: errorBody, 401: errorBody },
      },
      async ({ accountId, query }) => {
        const { forms, total } = await listForms({
          db,
          accountId,
          includeArchived: query.includeArchived === "true",
          limit: query.limit,
          offset: query.offset,
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

    route.get(
      "/api/forms/webinar-options",
      {
        summary:
          "Webinars a register-for-webinar action may pick: upcoming ones of verified connectors (never past ones)",
        reply: webinarOptions,
        errors: { 401: errorBody },
      },
      async ({ accountId }) => {
        const webinars = await listWebinarOptions({ db, accountId });
        return {
          webinars: webinars.map((w) => ({ ...w, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })),
        };
      },
    );

    route.get(
      "/api/forms/webinar-options/:webinarId/questions",
      {
        summary:
          "The webinar's registration form in GoTo: required fields and custom questions (with answer keys) to map form fields to",
        params: webinarQuestionsParams,
        reply: registrationForm,
        errors: { ...oneForm, 422: errorBody, 502: errorBody },
      },
      async ({ accountId, params }) =>
        getWebinarQuestions({ db, accountId, webinarId: params.webinarId, loadRegistrationFields }),
    );

    route.post(
      "/api/forms",
      {
        summary: "Create a form",
        description:
          "A form with a REGISTER_WEBINAR action must have email, first and last name as required fields, and an upcoming webinar of a verified connector; fields with questionKey answer the webinar's custom questions in GoTo.",
        body: formInputSchema,
        reply: formView,
        status: 201,
        errors: formErrors,
      },
      async ({ accountId, body, request }) =>
        changed(request, "created", await createForm({ db, accountId, input: body, ...checks(request) })),
    );

    route.get(
      "/api/forms/:formId",
      {
        summary: "One form",
        params: formIdParams,
        reply: formView,
      },
      async ({ accountId, params }) => present(await getForm({ db, accountId, formId: params.formId })),
    );

    route.put(
      "/api/forms/:formId",
      {
        summary: "Replace a form's definition (same rules as create)",
        params: formIdParams,
        body: formInputSchema,
        reply: formView,
        errors: formErrors,
      },
      async ({ accountId, params, body, request }) =>
        changed(
          request,
          "updated",
          await updateForm({ db, accountId, formId: params.formId, input: body, ...checks(request) }),
        ),
    );

    route.post(
      "/api/forms/:formId/archive",
      {
        summary: "Archive a form: its hosted page answers 410 from then on; submissions and registrations stay",
        params: formIdParams,
        reply: formView,
      },
      async ({ accountId, params, request }) =>
        changed(request, "archived", await archiveForm({ db, accountId, formId: params.formId })),
    );
  });
