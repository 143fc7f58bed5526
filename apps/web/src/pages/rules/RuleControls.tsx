import type { Page, Rule, RulePreview, RuleRun } from "@gw/api-contract";
import type { ApiState } from "../../api/use-api";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { type Column, PagedQueryTable, titleLinkColumn } from "../../components/DataTable";
import { Card } from "../../components/Layout";
import { EmptyState } from "../../components/States";
import { formatNumber, formatShortDateTime, fullName } from "../../lib/format";
import { RunActions } from "./RuleActions";

const RUN_COLUMNS: Column<RuleRun>[] = [
  titleLinkColumn(
    "prospect",
    "Prospect",
    (r) => `/prospects/${r.id}`,
    (r) => fullName(r) || r.email,
  ),
  { key: "actions", header: "Actions", render: (r) => <RunActions run={r} /> },
  { key: "at", header: "When", render: (r) => <span className="nowrap">{formatShortDateTime(r.at)}</span> },
  {
    key: "outcome",
    header: "Outcome",
    render: (r) => (
      <Badge tone={r.outcome === "done" ? "success" : r.outcome === "partial" ? "warning" : "neutral"}>
        {r.outcome}
      </Badge>
    ),
  },
];

/** Preview, on/off and the log of a saved rule. */
export function RuleControls({
  rule,
  runs,
  onRunsPage,
  preview,
  previewing,
  onPreview,
  pausing,
  onPause,
  enabling,
  onEnable,
}: {
  rule: Rule;
  runs: ApiState<Page<RuleRun>>;
  onRunsPage(page: number): void;
  preview: RulePreview | undefined;
  previewing: boolean;
  onPreview(): void;
  pausing: boolean;
  onPause(): void;
  enabling: boolean;
  onEnable(): void;
}) {
  return (
    <>
      <Card
        title="Preview and switch"
        id="rule-switch"
        actions={
          <div className="row">
            <Button icon="eye" loading={previewing} onClick={onPreview}>
              Preview
            </Button>
            {rule.status === "ENABLED" ? (
              <Button icon="pause" loading={pausing} onClick={onPause}>
                Pause
              </Button>
            ) : (
              <Button variant="primary" icon="play" loading={enabling} onClick={onEnable}>
                {rule.status === "PAUSED" ? "Resume" : "Turn on"}
              </Button>
            )}
          </div>
        }
      >
        {rule.description ? <p className="muted">{rule.description}</p> : null}
        {preview ? (
          <div className="stack" data-testid="rule-preview" aria-live="polite">
            <p>
              <strong>{formatNumber(preview.matching)}</strong> prospects match now; turning the rule on would run it on{" "}
              <strong>{formatNumber(preview.wouldRun)}</strong> of them.
            </p>
            {preview.sample.length > 0 ? (
              <ul className="small">
                {preview.sample.map((p) => (
                  <li key={p.id}>{fullName(p) ? `${fullName(p)} (${p.email})` : p.email}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : (
          <p className="muted">Preview shows how many prospects the rule would act on before you turn it on.</p>
        )}
      </Card>
      <Card title="Log" id="rule-log">
        <PagedQueryTable
          query={runs}
          empty={
            <EmptyState icon="inbox" title="Nothing yet">
              Each prospect the rule acts on shows here, with each action's outcome.
            </EmptyState>
          }
          caption={`Log of ${rule.name}`}
          columns={RUN_COLUMNS}
          rowKey={(r) => r.runId}
          noun="runs"
          onPage={onRunsPage}
        />
      </Card>
    </>
  );
}
