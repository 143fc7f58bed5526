// Forms, their hosted submissions and the "register for webinar" completion action.

export { archiveForm } from "./archive-form";
export { createForm } from "./create-form";
export * from "./form-definition";
export type { FormInput, ParsedFormInput } from "./form-input";
export { createFormViewCounter, type FormViewCounter } from "./form-view-counter";
export { getForm } from "./get-form";
export { type FormWebinar, forRegisteredSession, type GetFormWebinarOptions, getFormWebinar } from "./get-form-webinar";
export { getWebinarQuestions } from "./get-webinar-questions";
export { createHostedFormCache, type HostedBranding, type HostedForm, type HostedFormCache } from "./hosted-form-cache";
export { type FormStats, listFormStats } from "./list-form-stats";
export { listForms } from "./list-forms";
export { listRegistrationLinks, type RegistrationLink } from "./list-registration-links";
export { listRegistrationRequests, type RegistrationRequestView } from "./list-registration-requests";
export { listWebinarOptions, type WebinarOption } from "./list-webinar-options";
export { type LoadRegistrationFields, type PreparedForm, prepareForm } from "./prepare-form";
export { type PushRegistrationResult, pushRegistration, type RegistrationGotoClient } from "./push-registration";
export { recordFormRegistration } from "./record-form-registration";
export { DEFAULT_REGISTRATION_BACKOFF, type RegistrationBackoff, registrationBackoffMs } from "./registration-backoff";
export {
  buildRegistrationPayload,
  prospectUpdatesFrom,
  type RegistrationPayload,
  registrationPayloadSchema,
} from "./registration-payload";
export { retryRegistrationRequest } from "./retry-registration-request";
export {
  DEFAULT_SOURCE_TEMPLATE,
  renderSourceLabel,
  SOURCE_PLACEHOLDERS,
  sourceTemplateProblem,
} from "./source-label";
export {
  type RegistrationPushes,
  type RegistrationState,
  type SubmitFormOptions,
  type SubmitFormResult,
  submitForm,
} from "./submit-form";
export { sweepRegistrationRequests } from "./sweep-registration-requests";
export { updateForm } from "./update-form";
export { type GivenConsent, type SubmissionCheck, validateSubmission } from "./validate-submission";
export { REFERRER_FIELD, UTM_KEYS, type VisitSource, type VisitSourceInput, visitSourceFrom } from "./visit-source";
export { webinarClosedReason } from "./webinar-availability";
export { type WrittenSubmission, writeSubmission } from "./write-submission";
