import type {
  CompletionAction,
  Form,
  List,
  Page,
  RedirectDomains,
  WebinarOption,
  WebinarOptions,
} from "@gw/api-contract";
import { useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { ApiError, errorMessage, get, post, put } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useMe } from "../../auth/AuthProvider";
import { Button, buttonClass } from "../../components/Button";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Card, PageHeader } from "../../components/Layout";
import { Alert, ErrorState, LoadingState } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatDateTime } from "../../lib/format";
import { type ConsentDraft, FormConsentsCard } from "./FormConsentsCard";
import { FormEmbedCard } from "./FormEmbedCard";
import { describeAction, draftFields, type FieldDraft, hostedUrl, REGISTRATION_FIELDS } from "./form-model";

interface Question {
  questionKey: string;
  question: string;
  type: string;
  required: boolean;
}

/** An action as edited: "Add to list" may name a new list, made when the form is saved. */
type ActionDraft =
  | Exclude<CompletionAction, { type: "ADD_TO_LIST" }>
  | { type: "ADD_TO_LIST"; listId: string; list?: string };

const NEW_LIST = "__new__";

/** What the API takes: a new list by its name, an existing one by id. */
const actionInput = (action: ActionDraft) =>
  action.type === "ADD_TO_LIST"
    ? action.list !== undefined
      ? { type: action.type, list: action.list }
      : { type: action.type, listId: action.listId }
    : action;

function optionsOf(data: WebinarOptions | undefined): WebinarOption[] {
  return data?.webinars ?? [];
}

/** Create or edit a form: fields, completion actions, thank-you or redirect; link and preview. */
export function FormEditPage() {
  const { id } = useParams();
  const isNew = !id;
  const navigate = useNavigate();
  const toast = useToast();
  const form = useApi<Form>(id ? `/api/forms/${id}` : null);
  const webinars = useApi<WebinarOptions>("/api/forms/webinar-options");
  const lists = useApi<Page<List>>("/api/lists", { pageSize: 200 });
  const redirectDomains = useApi<RedirectDomains>("/api/settings/redirect-domains");
  const isAdmin = useMe().user.role === "ADMIN";

  const [name, setName] = useState("Webinar registration");
  const [fields, setFields] = useState<FieldDraft[]>(() => draftFields(undefined));
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [finish, setFinish] = useState<"message" | "redirect">("message");
  const [thankYou, setThankYou] = useState("Thank you for registering! GoTo Webinar will e-mail you the link to join.");
  const [redirectUrl, setRedirectUrl] = useState("");
  const [consents, setConsents] = useState<ConsentDraft[]>([]);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [previewKey, setPreviewKey] = useState(0);
  const [questions, setQuestions] = useState<Question[] | null>(null);

  useEffect(() => {
    if (!form.data) return;
    setName(form.data.name);
    setFields(draftFields(form.data.fields));
    setActions(form.data.completionActions);
    setFinish(form.data.redirectUrl ? "redirect" : "message");
    setThankYou(form.data.thankYouMessage ?? "");
    setRedirectUrl(form.data.redirectUrl ?? "");
    setConsents(form.data.consents);
    setCampaignId(form.data.campaignId);
  }, [form.data]);

  const webinarList = optionsOf(webinars.data);
  // A register action added before the upcoming webinars arrived has none chosen, while its
  // picker would show the first one once they do: choose that one, as adding it later would.
  const firstWebinarId = webinarList[0]?.id;
  useEffect(() => {
    if (!firstWebinarId) return;
    setActions((list) =>
      list.some((a) => a.type === "REGISTER_WEBINAR" && !a.webinarId)
        ? list.map((a) => (a.type === "REGISTER_WEBINAR" && !a.webinarId ? { ...a, webinarId: firstWebinarId } : a))
        : list,
    );
  }, [firstWebinarId]);
  const names = useMemo(
    () => ({
      webinars: new Map(webinarList.map((w) => [w.id, w.subject])),
      lists: new Map((lists.data?.items ?? []).map((l) => [l.id, l.name])),
    }),
    [webinarList, lists.data],
  );
  const register = actions.find(
    (a): a is Extract<CompletionAction, { type: "REGISTER_WEBINAR" }> => a.type === "REGISTER_WEBINAR",
  );

  // GoTo needs e-mail, first and last name: with a register action they are always asked, and required.
  const effective = fields.map((f) =>
    register && f.name && REGISTRATION_FIELDS.includes(f.name) ? { ...f, included: true, required: true } : f,
  );

  const updateField = (key: string, change: Partial<FieldDraft>) =>
    setFields((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));
  const updateAction = (index: number, action: ActionDraft) =>
    setActions((list) => list.map((a, i) => (i === index ? action : a)));
  const removeAction = (index: number) => setActions((list) => list.filter((_, i) => i !== index));

  const addAction = (type: CompletionAction["type"]) => {
    const firstList = lists.data?.items.find((l) => l.kind !== "DYNAMIC");
    const action: ActionDraft =
      type === "REGISTER_WEBINAR"
        ? { type, webinarId: webinarList[0]?.id ?? "" }
        : type === "ADD_TO_LIST"
          ? firstList
            ? { type, listId: firstList.id }
            : { type, listId: "", list: "" }
          : type === "ADD_TAG"
            ? { type, tag: "" }
            : { type, points: 10 };
    setActions((list) => [...list, action]);
  };

  const loadQuestions = async () => {
    if (!register?.webinarId) return;
    try {
      const result = await get<{ questions?: Question[] }>(
        `/api/forms/webinar-options/${register.webinarId}/questions`,
      );
      setQuestions(result.questions ?? []);
    } catch (caught) {
      toast.error(errorMessage(caught));
    }
  };

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        name: name.trim(),
        fields: effective
          .filter((f) => f.included)
          .map((f) =>
            f.name
              ? { name: f.name, label: f.label, required: f.required }
              : { questionKey: f.questionKey, label: f.label, required: f.required },
          ),
        completionActions: actions.map(actionInput),
        thankYouMessage: finish === "message" ? thankYou.trim() || null : null,
        redirectUrl: finish === "redirect" ? redirectUrl.trim() || null : null,
        consents,
        campaignId,
      };
      const saved = isNew ? await post<Form>("/api/forms", body) : await put<Form>(`/api/forms/${id}`, body);
      toast.success(
        isNew ? `“${saved.name}” created. Share its link to start taking registrations.` : `“${saved.name}” saved.`,
      );
      // A list made by the save is named once the lists are read again.
      if (actions.some((a) => a.type === "ADD_TO_LIST" && a.list !== undefined)) lists.reload();
      if (isNew) navigate(`/forms/${saved.id}`, { replace: true });
      else {
        form.setData(() => saved);
        setPreviewKey((k) => k + 1);
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(errorMessage(caught)));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (path: string) =>
    error instanceof ApiError
      ? error.fields.find((f) => f.field === `body.${path}` || f.field.startsWith(`body.${path}.`))?.message
      : undefined;

  if (form.error) {
    return (
      <>
        <PageHeader title="Form" breadcrumbs={[{ label: "Forms", to: "/forms" }]} />
        <Card>
          <ErrorState error={form.error} onRetry={form.reload} />
        </Card>
      </>
    );
  }
  if (id && !form.data) {
    return (
      <>
        <PageHeader title="Form" breadcrumbs={[{ label: "Forms", to: "/forms" }]} />
        <Card>
          <LoadingState />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={isNew ? "New form" : name}
        breadcrumbs={[{ label: "Forms", to: "/forms" }, { label: isNew ? "New" : name }]}
        actions={
          <>
            {id ? (
              <a className={buttonClass("secondary")} href={`/f/${id}`} target="_blank" rel="noreferrer">
                <Icon name="external" /> Open hosted page
              </a>
            ) : null}
            <Button variant="primary" icon="check" loading={busy} onClick={() => void save()}>
              {isNew ? "Create form" : "Save form"}
            </Button>
          </>
        }
      />
      {error ? (
        <Alert tone="danger" title="The form was not saved">
          {error.message}
        </Alert>
      ) : null}

      <div className="grid-2" style={{ gridTemplateColumns: "minmax(0, 1.25fr) minmax(0, 1fr)" }}>
        <div className="stack" style={{ gap: 20 }}>
          <Card title="Basics" id="basics">
            <div className="card-body stack">
              <TextField
                label="Form name"
                required
                value={name}
                onChange={(e) => setName(e.target.value)}
                error={fieldError("name")}
              />
            </div>
          </Card>

          <Card title="Fields" id="fields">
            <div className="card-body">
              <p className="muted small" style={{ marginBottom: 8 }}>
                Pick what the form asks. GoTo Webinar's own page only gives e-mail and name; a form can collect the
                rest.
                {register ? " E-mail, first and last name are required to register." : null}
              </p>
              <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                <legend className="sr-only">Form fields</legend>
                {effective.map((f) => {
                  const locked = Boolean(register && f.name && REGISTRATION_FIELDS.includes(f.name));
                  return (
                    <div key={f.key} className="builder-row">
                      <label className="row" style={{ fontWeight: 550 }}>
                        <input
                          type="checkbox"
                          className="checkbox"
                          checked={f.included}
                          disabled={locked || f.name === "email"}
                          onChange={(e) => updateField(f.key, { included: e.target.checked })}
                        />
                        {f.title}
                      </label>
                      <input
                        className="input"
                        aria-label={`Label for ${f.questionKey ? `question ${f.questionKey}` : f.title}`}
                        value={f.label}
                        disabled={!f.included}
                        onChange={(e) => updateField(f.key, { label: e.target.value })}
                      />
                      <label className="row small">
                        <input
                          type="checkbox"
                          className="checkbox"
                          checked={f.required}
                          disabled={!f.included || locked}
                          onChange={(e) => updateField(f.key, { required: e.target.checked })}
                        />
                        Required
                      </label>
                      {f.questionKey ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          icon="x"
                          aria-label={`Remove question ${f.questionKey}`}
                          onClick={() => setFields((list) => list.filter((x) => x.key !== f.key))}
                        />
                      ) : (
                        <span />
                      )}
                    </div>
                  );
                })}
              </fieldset>
              {fieldError("fields") ? <p className="error small">{fieldError("fields")}</p> : null}
              {register?.webinarId ? (
                <div className="stack" style={{ marginTop: 12, gap: 8 }}>
                  <Button size="sm" icon="plus" onClick={() => void loadQuestions()}>
                    Add a question from the webinar's GoTo form
                  </Button>
                  {questions ? (
                    questions.length === 0 ? (
                      <span className="muted small">This webinar has no custom questions.</span>
                    ) : (
                      <div className="row">
                        {questions
                          .filter((q) => !fields.some((f) => f.questionKey === q.questionKey))
                          .map((q) => (
                            <Button
                              key={q.questionKey}
                              size="sm"
                              variant="ghost"
                              icon="plus"
                              onClick={() =>
                                setFields((list) => [
                                  ...list,
                                  {
                                    key: `q-${q.questionKey}`,
                                    title: "GoTo question",
                                    questionKey: q.questionKey,
                                    label: q.question,
                                    required: q.required,
                                    included: true,
                                  },
                                ])
                              }
                            >
                              {q.question}
                            </Button>
                          ))}
                      </div>
                    )
                  ) : null}
                </div>
              ) : null}
            </div>
          </Card>

          <Card
            title="Completion actions"
            id="completion"
            actions={
              <SelectField
                label={<span className="sr-only">Add a completion action</span>}
                value=""
                onChange={(e) => {
                  if (e.target.value) addAction(e.target.value as CompletionAction["type"]);
                }}
              >
                <option value="">+ Add action…</option>
                <option value="REGISTER_WEBINAR" disabled={Boolean(register)}>
                  Register for webinar
                </option>
                <option value="ADD_TO_LIST">Add to list</option>
                <option value="ADD_TAG">Add tag</option>
                <option value="ADJUST_SCORE">Adjust score</option>
              </SelectField>
            }
          >
            <div className="card-body stack">
              {actions.length === 0 ? (
                <p className="muted">
                  Nothing happens after a submission besides storing it. Add “Register for webinar” to send people to
                  GoTo Webinar.
                </p>
              ) : null}
              {actions.map((action, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id; their order is their identity.
                <div key={index} className="row" style={{ alignItems: "flex-end" }}>
                  <div style={{ flex: 1 }}>
                    <ActionEditor
                      action={action}
                      index={index}
                      webinars={webinarList}
                      webinarsLoading={!webinars.data}
                      lists={lists.data?.items ?? []}
                      onChange={(a) => updateAction(index, a)}
                      error={fieldError(`completionActions.${index}`)}
                    />
                  </div>
                  <Button
                    variant="ghost"
                    icon="trash"
                    aria-label={`Remove action: ${describeAction(action, names)}`}
                    onClick={() => removeAction(index)}
                  />
                </div>
              ))}
            </div>
          </Card>

          <FormConsentsCard
            consents={consents}
            onConsentsChange={setConsents}
            campaignId={campaignId}
            onCampaignChange={setCampaignId}
            fieldError={fieldError}
          />

          <Card title="After submitting" id="after">
            <div className="card-body stack">
              <div className="row" role="radiogroup" aria-label="After submitting">
                <label className="row">
                  <input
                    type="radio"
                    name="finish"
                    checked={finish === "message"}
                    onChange={() => setFinish("message")}
                  />{" "}
                  Show a thank-you message
                </label>
                <label className="row">
                  <input
                    type="radio"
                    name="finish"
                    checked={finish === "redirect"}
                    onChange={() => setFinish("redirect")}
                  />{" "}
                  Redirect to a page
                </label>
              </div>
              {finish === "message" ? (
                <TextAreaField
                  label="Thank-you message"
                  value={thankYou}
                  onChange={(e) => setThankYou(e.target.value)}
                  error={fieldError("thankYouMessage")}
                />
              ) : (
                <TextField
                  label="Redirect URL"
                  type="url"
                  placeholder="https://example.com/thanks"
                  value={redirectUrl}
                  onChange={(e) => setRedirectUrl(e.target.value)}
                  error={fieldError("redirectUrl")}
                  hint={redirectHint(redirectUrl, redirectDomains.data?.domains, isAdmin)}
                />
              )}
              {finish === "redirect" && isAdmin && redirectDomains.data ? (
                <AllowedDomains domains={redirectDomains.data.domains} onSaved={redirectDomains.reload} />
              ) : null}
            </div>
          </Card>
        </div>

        <div className="stack" style={{ gap: 20 }}>
          {id ? (
            <Card title="Share" id="share">
              <div className="card-body stack" style={{ gap: 10 }}>
                <div className="row" style={{ flexWrap: "nowrap" }}>
                  <input
                    className="input"
                    readOnly
                    value={hostedUrl(id)}
                    aria-label="Hosted form link"
                    onFocus={(e) => e.target.select()}
                  />
                  <Button
                    icon="copy"
                    onClick={async () => {
                      try {
                        await navigator.clipboard.writeText(hostedUrl(id));
                        toast.success("Link copied.");
                      } catch {
                        toast.error("Could not copy: select the link and copy it yourself.");
                      }
                    }}
                  >
                    Copy
                  </Button>
                </div>
                <p className="muted small">Works without JavaScript: link to it, or embed it (below).</p>
              </div>
            </Card>
          ) : null}
          {id ? <FormEmbedCard formId={id} name={name} /> : null}
          <Card title="Preview" id="preview">
            <div className="card-body">
              {id ? (
                // Inert: the preview is to look at, not a second page to tab through (its own <main>
                // and fields stay out of the editor's keyboard order and accessibility tree).
                <div inert>
                  {/* ?preview: the editor looking at its form is not a view. */}
                  <iframe
                    key={previewKey}
                    className="preview-frame"
                    src={`/f/${id}?preview=1`}
                    title={`Preview of ${name}`}
                  />
                </div>
              ) : (
                <p className="muted">Create the form to preview its hosted page.</p>
              )}
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}

function ActionEditor({
  action,
  index,
  webinars,
  webinarsLoading,
  lists,
  onChange,
  error,
}: {
  action: ActionDraft;
  index: number;
  webinars: WebinarOption[];
  webinarsLoading: boolean;
  lists: List[];
  onChange(action: ActionDraft): void;
  error?: string;
}) {
  switch (action.type) {
    case "REGISTER_WEBINAR": {
      const series = webinars.find((w) => w.id === action.webinarId)?.series;
      return (
        <div className="stack">
          <SelectField
            label="Register for webinar"
            value={action.webinarId}
            onChange={(e) => {
              // "Every session" only means something for a session of a series: drop it otherwise.
              const next = webinars.find((w) => w.id === e.target.value);
              const { sessions: _, ...rest } = action;
              onChange(
                next?.series && (action.sessions === "all" || action.sessions === "choose")
                  ? { ...rest, webinarId: e.target.value, sessions: action.sessions }
                  : { ...rest, webinarId: e.target.value },
              );
            }}
            error={error}
            hint={
              webinars.length === 0 && !webinarsLoading
                ? "No upcoming webinars of a verified connector. Past webinars are never offered."
                : "Upcoming webinars only."
            }
          >
            {webinars.length === 0 ? (
              <option value="">{webinarsLoading ? "Loading…" : "No upcoming webinars"}</option>
            ) : null}
            {action.webinarId && !webinars.some((w) => w.id === action.webinarId) ? (
              <option value={action.webinarId}>(a webinar that has started or ended)</option>
            ) : null}
            {webinars.map((w) => (
              <option key={w.id} value={w.id}>
                {w.subject} · {formatDateTime(w.startsAt)}
                {w.connector ? ` · ${w.connector.name}` : ""}
              </option>
            ))}
          </SelectField>
          {series && series.upcomingSessions > 1 ? (
            <fieldset className="stack choice-group">
              <legend>Sessions of “{series.subject}”</legend>
              <label className="row">
                <input
                  type="radio"
                  name={`sessions-${index}`}
                  checked={action.sessions !== "all" && action.sessions !== "choose"}
                  onChange={() => onChange({ ...action, sessions: "picked" })}
                />{" "}
                This session only
              </label>
              <label className="row">
                <input
                  type="radio"
                  name={`sessions-${index}`}
                  checked={action.sessions === "all"}
                  onChange={() => onChange({ ...action, sessions: "all" })}
                />{" "}
                Every upcoming session of the series ({series.upcomingSessions} sessions)
              </label>
              <label className="row">
                <input
                  type="radio"
                  name={`sessions-${index}`}
                  checked={action.sessions === "choose"}
                  onChange={() => onChange({ ...action, sessions: "choose" })}
                />{" "}
                The visitor chooses one session (sessions that started or ended are not offered)
              </label>
            </fieldset>
          ) : null}
        </div>
      );
    }
    case "ADD_TO_LIST": {
      // A dynamic list's members follow its criteria: a form cannot add to one.
      const choices = lists.filter((l) => l.kind !== "DYNAMIC");
      const creating = action.list !== undefined;
      return (
        <div className="stack">
          <SelectField
            label="Add to list"
            value={creating ? NEW_LIST : action.listId}
            onChange={(e) =>
              onChange(
                e.target.value === NEW_LIST
                  ? { type: action.type, listId: "", list: "" }
                  : { type: action.type, listId: e.target.value },
              )
            }
            error={creating ? undefined : error}
          >
            {choices.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
            <option value={NEW_LIST}>New list…</option>
          </SelectField>
          {creating ? (
            <TextField
              label="New list's name"
              value={action.list ?? ""}
              onChange={(e) => onChange({ ...action, list: e.target.value })}
              error={error}
              hint="Created when the form is saved (a static list)."
              id={`list-${index}`}
            />
          ) : null}
        </div>
      );
    }
    case "ADD_TAG":
      return (
        <TextField
          label="Add tag"
          value={action.tag}
          onChange={(e) => onChange({ ...action, tag: e.target.value })}
          error={error}
          hint="Created the first time it is used."
          id={`tag-${index}`}
        />
      );
    case "ADJUST_SCORE":
      return (
        <TextField
          label="Adjust score by"
          type="number"
          step={1}
          value={String(action.points)}
          onChange={(e) => onChange({ ...action, points: Number(e.target.value) })}
          error={error}
        />
      );
  }
}

/**
 * What the editor says under the redirect address: where people will land, and whether that site
 * is on the account's list (a marketer can only save listed ones; an admin is warned).
 */
function redirectHint(value: string, domains: string[] | undefined, isAdmin: boolean): string | undefined {
  let host: string;
  try {
    host = new URL(value.trim()).hostname;
  } catch {
    return domains?.length ? `Allowed domains: ${domains.join(", ")}` : undefined;
  }
  if (host === window.location.hostname) return undefined;
  if (domains?.some((d) => host === d || host.endsWith(`.${d}`))) return `People go to ${host}, an allowed domain.`;
  return isAdmin
    ? `Warning: ${host} is not on your account's allowed redirect domains. People will leave for a site nobody listed; marketers cannot choose it.`
    : `${host} is not on your account's allowed redirect domains${domains?.length ? ` (${domains.join(", ")})` : ""}: ask an admin to add it.`;
}

/** Admins keep the account's list of redirect domains right where they choose a redirect. */
function AllowedDomains({ domains, onSaved }: { domains: string[]; onSaved: () => void }) {
  const [text, setText] = useState(domains.join(", "));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const list = text
        .split(/[\s,]+/)
        .map((d) => d.trim())
        .filter(Boolean);
      await put("/api/settings/redirect-domains", { domains: list });
      toast.success("Allowed redirect domains saved");
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="row" style={{ gap: 8, alignItems: "flex-end" }}>
      <TextField
        label="Allowed redirect domains (admins)"
        placeholder="example.com, events.example.com"
        hint="Marketers may redirect only to these and their subdomains."
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={error}
      />
      <Button onClick={() => void save()} loading={busy}>
        Save domains
      </Button>
    </div>
  );
}
