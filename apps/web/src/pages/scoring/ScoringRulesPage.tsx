import type { ActivityType, ScoringRule, ScoringRules } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { ApiError, errorMessage, put } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useMe } from "../../auth/AuthProvider";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { Alert, ErrorState, LoadingState } from "../../components/States";
import { useToast } from "../../components/Toast";
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

function rulesOf(data: RulesResponse | undefined): ScoringRule[] {
  return data?.rules ?? [];
}

/** Points per webinar activity; a change applies to activities recorded from now on. */
export function ScoringRulesPage() {
  const rules = useApi<RulesResponse>("/api/scoring-rules");
  const canEdit = useMe().user.role === "ADMIN";
  const toast = useToast();
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error>();

  useEffect(() => {
    if (!rules.data) return;
    setValues(Object.fromEntries(rulesOf(rules.data).map((r) => [r.activityType, String(r.points)])));
  }, [rules.data]);

  const saved = Object.fromEntries(rulesOf(rules.data).map((r) => [r.activityType, String(r.points)]));
  const dirty = TYPES.some(({ type }) => (values[type] ?? "") !== (saved[type] ?? ""));

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        rules: TYPES.filter(({ type }) => values[type] !== undefined).map(({ type }) => ({
          activityType: type,
          points: Number(values[type]),
        })),
      };
      const result = await put<RulesResponse>("/api/scoring-rules", body);
      rules.setData(() => result);
      toast.success("Scoring rules saved. They apply to webinar activity from now on.");
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(errorMessage(caught)));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (index: number) =>
    error instanceof ApiError ? error.fields.find((f) => f.field.includes(`rules.${index}`))?.message : undefined;

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
              <Button onClick={() => setValues(saved)} disabled={!dirty || busy}>
                Reset
              </Button>
              <Button variant="primary" onClick={() => void save()} loading={busy} disabled={!dirty}>
                Save rules
              </Button>
            </>
          ) : undefined
        }
      >
        {rules.error ? (
          <ErrorState error={rules.error} onRetry={rules.reload} />
        ) : !rules.data ? (
          <LoadingState rows={4} />
        ) : (
          <form
            className="card-body stack"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            {error && !(error instanceof ApiError && error.fields.length) ? (
              <Alert tone="danger">{error.message}</Alert>
            ) : null}
            {TYPES.map(({ type, label, help }, index) => (
              <div key={type} className="builder-row" style={{ gridTemplateColumns: "minmax(0, 1fr) 140px" }}>
                <div>
                  <strong>{label}</strong>
                  <div className="muted small">{help}</div>
                </div>
                <TextField
                  label={<span className="sr-only">Points for {label}</span>}
                  type="number"
                  inputMode="numeric"
                  step={1}
                  value={values[type] ?? ""}
                  readOnly={!canEdit}
                  onChange={(e) => setValues((v) => ({ ...v, [type]: e.target.value }))}
                  error={fieldError(index)}
                />
              </div>
            ))}
            <button type="submit" hidden />
          </form>
        )}
      </Card>
      <AttendanceRulesCard canEdit={canEdit} />
    </>
  );
}
