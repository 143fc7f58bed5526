import type { ExclusionKind, ExclusionRule } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { useMe } from "../../auth/AuthProvider";
import { Button, RowButton } from "../../components/Button";
import { SaveForm } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { QueryView } from "../../components/States";
import { explainError } from "../segments/CriteriaBuilder";
import { useExclusions } from "./use-exclusions";

const KIND_LABELS: Record<ExclusionKind, string> = {
  EMAIL_DOMAIN: "E-mail domain",
  EMAIL: "E-mail address",
  GOTO_ROLE: "GoTo role",
};
const PLACEHOLDERS: Record<ExclusionKind, string> = {
  EMAIL_DOMAIN: "example.com",
  EMAIL: "someone@example.com",
  GOTO_ROLE: "ORGANIZER",
};
const ROLES = [
  ["ORGANIZER", "Organizers of our connectors"],
  ["PANELIST", "Panelists of our webinars"],
  ["CO_ORGANIZER", "Co-organizers of our webinars"],
] as const;

/** Admin > Exclusions: who never gets rule or form actions (their activities are still recorded). */
export function ExclusionsPage() {
  const isAdmin = useMe().user.role === "ADMIN";
  const { current, save } = useExclusions();
  const [rules, setRules] = useState<ExclusionRule[]>([]);
  useEffect(() => {
    if (current.data) setRules(current.data.rules);
  }, [current.data]);
  const set = (i: number, rule: ExclusionRule) => setRules(rules.map((r, j) => (j === i ? rule : r)));
  return (
    <QueryView query={current}>
      {() => (
        <>
          <PageHeader
            title="Exclusions"
            description="People matching these rules are filtered: the sync still records what they do, but they get no automation or form actions, leave dynamic lists, and reports hide them unless you show filtered prospects."
          />
          <SaveForm
            onSave={() => save.mutate(rules)}
            saving={save.isPending}
            error={save.error ? explainError(save.error) : undefined}
            errorTitle="Not saved"
            submitLabel="Save and apply"
            canSave={isAdmin}
          >
            <Card title="Rules" id="exclusion-rules">
              {rules.length === 0 ? <p className="muted">No exclusions: everyone gets automation.</p> : null}
              <ol className="stack">
                {rules.map((rule, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity but their place.
                  <li key={i} className="row">
                    <select
                      className="select inline"
                      aria-label={`Kind of exclusion ${i + 1}`}
                      value={rule.kind}
                      disabled={!isAdmin}
                      onChange={(e) => {
                        const kind = e.target.value as ExclusionKind;
                        set(i, { kind, value: kind === "GOTO_ROLE" ? "ORGANIZER" : "" });
                      }}
                    >
                      {Object.entries(KIND_LABELS).map(([kind, label]) => (
                        <option key={kind} value={kind}>
                          {label}
                        </option>
                      ))}
                    </select>
                    {rule.kind === "GOTO_ROLE" ? (
                      <select
                        className="select inline"
                        aria-label={`Role of exclusion ${i + 1}`}
                        value={rule.value}
                        disabled={!isAdmin}
                        onChange={(e) => set(i, { ...rule, value: e.target.value })}
                      >
                        {ROLES.map(([role, label]) => (
                          <option key={role} value={role}>
                            {label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        className="input inline"
                        aria-label={`${KIND_LABELS[rule.kind]} of exclusion ${i + 1}`}
                        placeholder={PLACEHOLDERS[rule.kind]}
                        value={rule.value}
                        disabled={!isAdmin}
                        onChange={(e) => set(i, { ...rule, value: e.target.value })}
                      />
                    )}
                    {isAdmin ? (
                      <RowButton
                        icon="x"
                        label={`Remove exclusion ${i + 1}`}
                        onClick={() => setRules(rules.filter((_, j) => j !== i))}
                      />
                    ) : null}
                  </li>
                ))}
              </ol>
              {isAdmin ? (
                <Button size="sm" icon="plus" onClick={() => setRules([...rules, { kind: "EMAIL_DOMAIN", value: "" }])}>
                  Add exclusion
                </Button>
              ) : (
                <p className="muted small">Only admins change exclusions.</p>
              )}
            </Card>
          </SaveForm>
        </>
      )}
    </QueryView>
  );
}
