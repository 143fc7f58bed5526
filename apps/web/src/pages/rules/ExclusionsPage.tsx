import type { ExclusionKind, ExclusionRule, ExclusionRules, ExclusionsApplied } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { put } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useMe } from "../../auth/AuthProvider";
import { Button, RowButton } from "../../components/Button";
import { Card, PageHeader } from "../../components/Layout";
import { Alert, QueryView } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatNumber } from "../../lib/format";
import { explainError } from "../segments/CriteriaBuilder";

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
  const current = useApi<ExclusionRules>("/api/exclusions");
  const toast = useToast();
  const [rules, setRules] = useState<ExclusionRule[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
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
          <form
            className="stack"
            onSubmit={async (e) => {
              e.preventDefault();
              setBusy(true);
              setError(undefined);
              try {
                const applied = await put<ExclusionsApplied>("/api/exclusions", { rules });
                // Staff of webinars no sync reads again are fetched from GoTo in the background: say so,
                // or a marketer would wonder why a panelist of a past webinar is not filtered yet.
                const fetching =
                  applied.staffWebinarsQueued > 0
                    ? ` Reading the panelists and co-organizers of ${formatNumber(applied.staffWebinarsQueued)} past webinars from GoTo: they are filtered as GoTo answers.`
                    : "";
                toast.success(
                  `Saved. ${formatNumber(applied.filteredByRules)} prospects filtered by these rules (${formatNumber(applied.newlyFiltered)} newly, ${formatNumber(applied.released)} released).${fetching}`,
                );
                current.reload();
              } catch (caught) {
                setError(explainError(caught));
              } finally {
                setBusy(false);
              }
            }}
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
            {error ? (
              <Alert tone="danger" title="Not saved">
                {error}
              </Alert>
            ) : null}
            {isAdmin ? (
              <div className="row">
                <Button type="submit" variant="primary" loading={busy}>
                  Save and apply
                </Button>
              </div>
            ) : null}
          </form>
        </>
      )}
    </QueryView>
  );
}
