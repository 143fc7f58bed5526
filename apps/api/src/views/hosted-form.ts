import { randomUUID } from "node:crypto";
import {
  COMMENTS_MAX_LENGTH,
  consentFieldName,
  FIELD_MAX_LENGTH,
  type FormDefinition,
  type FormField,
  type FormWebinar,
  HONEYPOT_FIELD,
  type HostedBranding,
  registerActionOf,
  SESSION_FIELD,
  STANDARD_FIELDS,
  SUBMISSION_TOKEN_FIELD,
  type VisitSource,
} from "@gw/domain/forms";
import { type CalendarEntry, googleCalendarUrl, outlookCalendarUrl } from "./calendar";
import { html, type PageBranding, page, type RawHtml } from "./html";

export { HONEYPOT_FIELD };

const inputId = (name: string) => `f-${name}`;
const errorId = (name: string) => `f-${name}-error`;

function control(field: FormField, value: string, error: string | undefined): RawHtml {
  const id = inputId(field.name);
  const common = html`id="${id}" name="${field.name}"${field.required ? html` required aria-required="true"` : ""}${
    error ? html` aria-invalid="true" aria-describedby="${errorId(field.name)}"` : ""
  }`;
  if (field.kind === "question") {
    if (field.questionType === "multipleChoice") {
      return html`<select ${common}>
<option value="">Choose an answer</option>
${field.options.map((option) => html`<option value="${option.answerKey}"${option.answerKey === value ? " selected" : ""}>${option.label}</option>\n`)}</select>`;
    }
    return html`<input ${common} type="text" autocomplete="off" maxlength="${field.maxLength}" value="${value}">`;
  }
  const meta = STANDARD_FIELDS[field.name];
  if (meta.input === "textarea") {
    return html`<textarea ${common} autocomplete="${meta.autocomplete}" maxlength="${COMMENTS_MAX_LENGTH}" rows="4">${value}</textarea>`;
  }
  return html`<input ${common} type="${meta.input}" autocomplete="${meta.autocomplete}" maxlength="${FIELD_MAX_LENGTH}"${
    meta.input === "email" ? html` spellcheck="false" autocapitalize="off"` : ""
  } value="${value}">`;
}

function formatRange(session: { startsAt: Date; endsAt: Date }, timeZone: string | null): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  };
  try {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: timeZone ?? "UTC" }).formatRange(
      session.startsAt,
      session.endsAt,
    );
  } catch {
    // A zone name Intl does not know: UTC, said as such.
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).formatRange(
      session.startsAt,
      session.endsAt,
    );
  }
}

const durationText = (minutes: number) =>
  minutes < 60 ? `${minutes} minutes` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;

/**
 * What the form registers for: title, each session in the webinar's zone (the page's one script
 * adds the visitor's own time beside it), duration, organizer and description.
 */
const sessionTime = (webinar: FormWebinar, session: FormWebinar["sessions"][number]) =>
  html`<time datetime="${session.startsAt.toISOString()}" data-end="${session.endsAt.toISOString()}" data-zone="${webinar.timeZone ?? "UTC"}">${formatRange(session, webinar.timeZone)}</time>${
    webinar.timeZone ? html` <span class="zone">(${webinar.timeZone})</span>` : ""
  }`;

function webinarCard(webinar: FormWebinar): RawHtml {
  const many = webinar.sessions.length > 1;
  // A visitor choosing a session sees the sessions once, as the choice in the form.
  const choosing = webinar.mode === "choose" && !webinar.closedReason;
  const sessions = choosing
    ? []
    : webinar.sessions.map(
        (session) => html`<li>${sessionTime(webinar, session)}</li>
`,
      );
  return html`<section class="webinar" aria-labelledby="webinar-title">
<h2 id="webinar-title">${webinar.subject}</h2>
${
  choosing
    ? html`<p class="hint">Choose the session that suits you in the form below.</p>
`
    : many
      ? html`<p class="hint">Registering signs you up for every session below.</p>
`
      : ""
}${
  sessions.length > 0
    ? html`<ul class="sessions">
${sessions}</ul>
`
    : ""
}
<dl class="facts">
<div><dt>Duration</dt><dd>${durationText(webinar.durationMinutes)}${many && !choosing ? " each" : ""}</dd></div>
${
  webinar.organizer
    ? html`<div><dt>Organizer</dt><dd>${webinar.organizer}</dd></div>
`
    : ""
}</dl>
${
  webinar.description
    ? html`<p class="description">${webinar.description}</p>
`
    : ""
}</section>
`;
}

export interface FormPageState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** The page's submission token; a refused form keeps the one it was sent with. */
  token?: string;
  /** Consent name → ticked, as sent. */
  consents?: Record<string, boolean>;
  /** UTM parameters and referrer of the visit: carried to the POST in hidden inputs. */
  source?: VisitSource;
  /** The webinar the form registers for, shown above the fields. */
  webinar?: FormWebinar | null;
  /** The session chosen, as sent (a "visitor chooses a session" form shown again). */
  session?: string;
}

/** The form as the hosted page renders it: its definition and, when loaded for the page, the account's branding. */
export type RenderedForm = FormDefinition & { branding?: HostedBranding | PageBranding | null };

/** One radio per open session of the series; the only one is chosen already. */
function sessionChoice(webinar: FormWebinar, chosen: string | undefined, error: string | undefined): RawHtml {
  const only = webinar.sessions.length === 1 ? webinar.sessions[0]?.id : undefined;
  const options = webinar.sessions.map((session, i) => {
    const id = i === 0 ? inputId(SESSION_FIELD) : `${inputId(SESSION_FIELD)}-${i + 1}`;
    const checked = session.id === (chosen ?? only);
    return html`<div class="session-option"><input type="radio" id="${id}" name="${SESSION_FIELD}" value="${session.id ?? ""}"${checked ? " checked" : ""} required${
      error ? html` aria-invalid="true" aria-describedby="${errorId(SESSION_FIELD)}"` : ""
    }><label for="${id}">${sessionTime(webinar, session)}</label></div>
`;
  });
  return html`<fieldset class="sessions-choice${error ? " field has-error" : ""}">
<legend>Session</legend>
${
  error
    ? html`<p class="error-message" id="${errorId(SESSION_FIELD)}"><span class="visually-hidden">Error:</span> ${error}</p>
`
    : ""
}${options}</fieldset>
`;
}

function consentBox(consent: FormDefinition["consents"][number], checked: boolean, error: string | undefined): RawHtml {
  const name = consentFieldName(consent.name);
  const id = inputId(name);
  return html`<div class="field consent${error ? " has-error" : ""}">
${error ? html`<p class="error-message" id="${errorId(name)}"><span class="visually-hidden">Error:</span> ${error}</p>\n` : ""}<input id="${id}" name="${name}" type="checkbox" value="yes"${checked ? " checked" : ""}${
    consent.required ? html` required aria-required="true"` : ""
  }${error ? html` aria-invalid="true" aria-describedby="${errorId(name)}"` : ""}>
<label for="${id}">${consent.text}${consent.required ? "" : html` <span class="optional">(optional)</span>`}</label>
</div>
`;
}

/**
 * The hosted form. On refusal it comes back with an error summary (focused on load, each entry
 * linking to its input), a message above each bad field tied to it by aria-describedby, and
 * everything the person typed (escaped).
 */
export function renderFormPage(form: RenderedForm, state: FormPageState = {}): string {
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const webinar = state.webinar ?? null;
  const choosing = webinar?.mode === "choose" && !webinar.closedReason;
  const failed = [
    ...(choosing ? [SESSION_FIELD] : []),
    ...form.fields.map((f) => f.name),
    ...form.consents.map((c) => consentFieldName(c.name)),
  ].filter((name) => errors[name]);
  const summary =
    failed.length > 0
      ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">There is a problem</h2>
<ul>
${failed.map((name) => html`<li><a href="#${inputId(name)}">${errors[name]}</a></li>\n`)}</ul>
</div>
`
      : "";
  const consents = form.consents.map((consent) =>
    consentBox(consent, state.consents?.[consent.name] ?? false, errors[consentFieldName(consent.name)]),
  );
  const hidden = Object.entries(state.source ?? {}).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">\n`,
  );
  const fields = form.fields.map((field) => {
    const error = errors[field.name];
    return html`<div class="field${error ? " has-error" : ""}">
<label for="${inputId(field.name)}">${field.label}${field.required ? "" : html` <span class="optional">(optional)</span>`}</label>
${error ? html`<p class="error-message" id="${errorId(field.name)}"><span class="visually-hidden">Error:</span> ${error}</p>\n` : ""}${control(field, values[field.name] ?? "", error)}
</div>
`;
  });
  const branding = form.branding ?? null;
  if (webinar?.closedReason) {
    return page({
      branding,
      title: `Registration closed: ${form.name}`,
      body: html`<h1>${form.name}</h1>
${webinarCard(webinar)}<div class="notice" role="status"><p><strong>Registration is closed:</strong> ${webinar.closedReason}.</p></div>`,
    });
  }
  const body = html`<h1>${form.name}</h1>
${webinar ? webinarCard(webinar) : ""}${summary}<form method="post" action="/f/${form.id}" novalidate accept-charset="utf-8">
<input type="hidden" name="${SUBMISSION_TOKEN_FIELD}" value="${state.token ?? randomUUID()}">
${hidden}${choosing && webinar ? sessionChoice(webinar, state.session, errors[SESSION_FIELD]) : ""}${fields}${consents}<div class="hp" aria-hidden="true">
<label for="${inputId(HONEYPOT_FIELD)}">Leave this field empty</label>
<input id="${inputId(HONEYPOT_FIELD)}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off" value="">
</div>
<button type="submit">${registerActionOf(form) ? "Register" : "Submit"}</button>
</form>`;
  return page({ branding, title: failed.length > 0 ? `Error: ${form.name}` : form.name, body });
}

export interface ThankYouDetails {
  webinar: FormWebinar | null;
  /** The registrant's join link from GoTo (null while the registration is on its way). */
  joinUrl: string | null;
  /** The .ics download for this registration. */
  icsUrl: string | null;
}

export function renderThankYouPage(form: RenderedForm, message: string, details?: ThankYouDetails): string {
  const webinar = details?.webinar ?? null;
  const entry: CalendarEntry | null = webinar ? { webinar, joinUrl: details?.joinUrl ?? null } : null;
  const join = details?.joinUrl
    ? html`<p><a class="join" href="${details.joinUrl}">Join the webinar</a></p>
<p class="hint">This link is yours: keep it. GoTo Webinar also e-mails it to you with its confirmation.</p>
`
    : webinar
      ? html`<p class="hint">GoTo Webinar e-mails you the link to join with its confirmation.</p>
`
      : "";
  const calendar = entry
    ? html`<h2>Add to your calendar</h2>
<ul class="calendar-links">
${
  details?.icsUrl
    ? html`<li><a href="${details.icsUrl}" download>Calendar file (.ics)</a> <span class="hint-inline">Apple Calendar, Outlook</span></li>
`
    : ""
}<li><a href="${googleCalendarUrl(entry)}" rel="noopener" target="_blank">Google Calendar</a></li>
<li><a href="${outlookCalendarUrl(entry)}" rel="noopener" target="_blank">Outlook.com</a></li>
</ul>
`
    : "";
  return page({
    branding: form.branding ?? null,
    title: `Thank you: ${form.name}`,
    body: html`<h1>${form.name}</h1>
<div role="status"><p>${message}</p></div>
${webinar ? webinarCard(webinar) : ""}${join}${calendar}`,
  });
}

/** Not found, archived, too many requests, server error: a plain page saying what happened. */
export function renderNoticePage(title: string, message: string): string {
  return page({ title, body: html`<h1>${title}</h1>\n<p>${message}</p>` });
}
