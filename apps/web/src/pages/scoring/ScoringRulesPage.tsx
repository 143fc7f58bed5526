import type { ActivityType, ScoringRules } from "@gw/api-contract";
import { ApiError } from "../../api/client";
import { useMe } from "../../auth/AuthProvider";
import { SaveButtons } from "../../components/Button";
import { CardForm, WholeNumberField } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { FormError, QueryView } from "../../components/States";
import { useEditable } from "../../hooks/use-editable";
import { AttendanceRulesCard } from "./AttendanceRulesCard";

type RulesResponse = ScoringRules;

const TYPES: { type: ActivityType; label: string; help: string }[] = [
  {
    type: "REGISTERED",
    label: "Registered",
    help: "The prospect registered for a webinar (through GoTo Webinar or one of your forms).",
  },
  { type: "ACCEPTED", label: "Accepted", help: "The registration was confirmed or approved in GoTo Webinar." },
  { type: "ATTENDED", label: "Attended", help: "The prospect joined the webinar." },
  {
    type: "CANCELLED",
    label: "Cancelled",
    help: "The registration was cancelled. Use a negative number to take points away.",
  },
  {
    type: "ABSENT",
    label: "Absent (no-show)",
    help: "Registered for a webinar that has finished and did not attend. Recorded once, after the final attendance sync.",
  },
  { type: "ATTENDED_LIVE", label: "Attended live", help: "Attended a live session (on top of Attended)." },
  {
    type: "WATCHED_ON_DEMAND",
    label: "Watched on demand",
    help: "Watched an on-demand webinar (on top of Attended).",
  },
  { type: "ASKED_QUESTION", label: "Asked a question", help: "Asked at least one question during a session." },
  { type: "ANSWERED_POLL", label: "Answered a poll", help: "Answered at least one poll during a session." },
  { type: "ANSWERED_SURVEY", label: "Answered a survey", help: "Answered the webinar's survey." },
];

const pointsOf = (data: RulesResponse | undefined): Record<string, string> =>
  Object.fromEntries((data?.rules ?? []).map((r) => [r.activityType, String(r.points)]));
const samePoints = (a: Record<string, string>, b: Record<string, string>) =>
  TYPES.every(({ type }) => (a[type] ?? "") === (b[type] ?? ""));
const bodyOf = (values: Record<string, string>) => ({
  rules: TYPES.filter(({ type }) => values[type] !== undefined).map(({ type }) => ({
    activityType: type,
    points: Number(values[type]),
  })),
});

/** Points per webinar activity; a change applies to activities recorded from now on. */
export function ScoringRulesPage() {
  const canEdit = useMe().user.role === "ADMIN";
  const form = useEditable({
    path: "/api/scoring-rules",
    toDraft: pointsOf,
    same: samePoints,
    toBody: bodyOf,
    savedMessage: "Scoring rules saved. They apply to webinar activity from now on.",
  });
  const { query: rules, draft: values, setDraft: setValues } = form;

  const fieldError = (index: number) =>
    form.error instanceof ApiError
      ? form.error.fields.find((f) => f.field.includes(`rules.${index}`))?.message
      : undefined;

  return (
    <>
      <PageHeader
        title="Scoring rules"
        breadcrumbs={[{ label: "Admin" }, { label: "Scoring rules" }]}
        description="Points added to a prospect's score for each webinar activity, exactly once per activity."
      />
      <Card
        title="Webinar activity"
        id="rules"
        footer={
          rules.data && !canEdit ? (
            <span className="muted small spacer">Only an admin of this account can change these points.</span>
          ) : rules.data ? (
            <>
              <span className="muted small spacer">
                Changes apply to activities recorded after you save; past scores stay as they are.
              </span>
              <SaveButtons form={form} saveLabel="Save rules" />
            </>
          ) : undefined
        }
      >
        <QueryView query={rules} rows={4}>
          {() => (
            <CardForm onSave={form.save}>
              <FormError error={form.error} />
              {TYPES.map(({ type, label, help }, index) => (
                <div key={type} className="builder-row" style={{ gridTemplateColumns: "minmax(0, 1fr) 140px" }}>
                  <div>
                    <strong>{label}</strong>
                    <div className="muted small">{help}</div>
                  </div>
                  <WholeNumberField
                    label={<span className="sr-only">Points for {label}</span>}
                    value={values[type] ?? ""}
                    readOnly={!canEdit}
                    onChange={(e) => setValues((v) => ({ ...v, [type]: e.target.value }))}
                    error={fieldError(index)}
                  />
                </div>
              ))}
              <button type="submit" hidden />
            </CardForm>
          )}
        </QueryView>
      </Card>
      <AttendanceRulesCard canEdit={canEdit} />
    </>
  );
}
