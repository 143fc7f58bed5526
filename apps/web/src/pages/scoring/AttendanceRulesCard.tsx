import type {
  AttendanceScoringRule,
  AttendanceScoringRulesBody,
  attendanceScoringRules,
  MAX_ATTENDANCE_RULES,
  ResponseOf,
} from "@gw/api-contract";
import { ApiError } from "../../api/client";
import { Button, RowButton, SaveButtons } from "../../components/Button";
import { CardForm, WholeNumberField } from "../../components/Field";
import { Card } from "../../components/Layout";
import { EmptyState, FormError, QueryView } from "../../components/States";
import { useEditable } from "../../hooks/use-editable";

type RulesResponse = ResponseOf<typeof attendanceScoringRules>;
/** The API's cap, checked against the contract's constant by type. */
const MAX_RULES: typeof MAX_ATTENDANCE_RULES = 20;

/** One editable row: the inputs keep what the admin typed until it is saved. */
interface Draft {
  key: string;
  minMinutes: string;
  minPercent: string;
  points: string;
}

/** A row's two thresholds, either or both of which it needs. */
const THRESHOLDS = [
  { field: "minMinutes", label: "At least (minutes)", max: 1440 },
  { field: "minPercent", label: "At least (% of session)", max: 100 },
] as const;

const draftOf = (rule: AttendanceScoringRule): Draft => ({
  key: rule.id,
  minMinutes: rule.minMinutes === null ? "" : String(rule.minMinutes),
  minPercent: rule.minPercent === null ? "" : String(rule.minPercent),
  points: String(rule.points),
});

const sameDrafts = (a: Draft[], b: Draft[]) =>
  a.length === b.length &&
  a.every(
    (d, i) => d.minMinutes === b[i]?.minMinutes && d.minPercent === b[i]?.minPercent && d.points === b[i]?.points,
  );

/** A blank input means "no threshold of this kind"; anything else goes to the API as typed. */
const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

/** In words, as the marketer reads the rule back. */
export function describeThreshold(draft: Pick<Draft, "minMinutes" | "minPercent">): string {
  const minutes = draft.minMinutes.trim();
  const percent = draft.minPercent.trim();
  if (minutes && percent) return `attended at least ${minutes} min and ${percent} % of the session`;
  if (minutes) return `attended at least ${minutes} min`;
  if (percent) return `attended at least ${percent} % of the session`;
  return "set minutes, a percentage, or both";
}

const draftsOf = (data: RulesResponse | undefined): Draft[] => (data?.rules ?? []).map(draftOf);
const bodyOf = (drafts: Draft[]): AttendanceScoringRulesBody => ({
  rules: drafts.map((d) => ({
    minMinutes: numberOrNull(d.minMinutes),
    minPercent: numberOrNull(d.minPercent),
    points: Number(d.points),
  })),
});

let nextKey = 0;

/**
 * The account's attendance threshold rules ("at least 30 minutes: +10"). Each threshold a
 * prospect reaches pays its points once per webinar, on top of the Attended points.
 */
export function AttendanceRulesCard({ canEdit }: { canEdit: boolean }) {
  const form = useEditable({
    path: "/api/scoring-rules/attendance",
    toDraft: draftsOf,
    same: sameDrafts,
    toBody: bodyOf,
    savedMessage: "Attendance thresholds saved. They apply to attendance synced from now on.",
  });
  const { query: rules, draft: drafts, setDraft: setDrafts } = form;

  const update = (key: string, change: Partial<Draft>) =>
    setDrafts((list) => list.map((d) => (d.key === key ? { ...d, ...change } : d)));
  const add = () => {
    nextKey += 1;
    setDrafts((list) => [...list, { key: `new-${nextKey}`, minMinutes: "30", minPercent: "", points: "10" }]);
  };
  const remove = (key: string) => setDrafts((list) => list.filter((d) => d.key !== key));

  const fieldError = (index: number, field?: string) =>
    form.error instanceof ApiError
      ? form.error.fields.find((f) => (field ? f.field === `rules.${index}.${field}` : f.field === `rules.${index}`))
          ?.message
      : undefined;

  return (
    <Card
      title="Attendance thresholds"
      id="attendance-thresholds"
      footer={
        rules.data && canEdit ? (
          <>
            <Button onClick={add} disabled={drafts.length >= MAX_RULES || form.busy}>
              Add threshold
            </Button>
            <span className="muted small spacer">
              Each threshold reached pays once per webinar, on top of the Attended points.
            </span>
            <SaveButtons form={form} saveLabel="Save thresholds" />
          </>
        ) : undefined
      }
    >
      <QueryView
        query={rules}
        rows={2}
        // The thresholds being edited, not the saved ones: removing the last shows the empty state.
        isEmpty={() => drafts.length === 0}
        empty={
          <EmptyState icon="clock" title="No attendance thresholds">
            {canEdit
              ? "Reward the prospects who stayed: for example +10 points for attending at least 30 minutes, or +20 for 75 % of the session."
              : "An admin can reward prospects who attended at least some minutes or share of a session."}
          </EmptyState>
        }
      >
        {() => (
          <CardForm aria-label="Attendance thresholds" onSave={form.save}>
            <FormError error={form.error} />
            {drafts.map((draft, index) => (
              <fieldset key={draft.key} className="threshold-row">
                <legend className="sr-only">Threshold {index + 1}</legend>
                {THRESHOLDS.map(({ field, label, max }) => (
                  <WholeNumberField
                    key={field}
                    label={label}
                    min={1}
                    max={max}
                    value={draft[field]}
                    readOnly={!canEdit}
                    onChange={(e) => update(draft.key, { [field]: e.target.value })}
                    // A row with neither threshold is refused as a whole: said at its first field.
                    error={fieldError(index, field) ?? (field === "minMinutes" ? fieldError(index) : undefined)}
                  />
                ))}
                <WholeNumberField
                  label="Points"
                  value={draft.points}
                  readOnly={!canEdit}
                  onChange={(e) => update(draft.key, { points: e.target.value })}
                  error={fieldError(index, "points")}
                />
                <div className="threshold-summary">
                  <span className="muted small">{describeThreshold(draft)}</span>
                  {canEdit ? (
                    <RowButton onClick={() => remove(draft.key)} label={`Remove threshold ${index + 1}`}>
                      Remove
                    </RowButton>
                  ) : null}
                </div>
              </fieldset>
            ))}
            <button type="submit" hidden />
          </CardForm>
        )}
      </QueryView>
    </Card>
  );
}
