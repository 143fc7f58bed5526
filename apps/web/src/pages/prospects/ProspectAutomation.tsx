import type { ProspectSegments } from "@gw/api-contract";
import { Link } from "react-router-dom";
import { useApi } from "../../api/use-api";
import { Card } from "../../components/Layout";
import { ErrorState, LoadingState } from "../../components/States";
import { formatShortDateTime } from "../../lib/format";
import { RunActions } from "../rules/RuleActions";

/** Which dynamic lists and automation rules touched a prospect, and when. */
export function ProspectAutomation({ prospectId }: { prospectId: string }) {
  const segments = useApi<ProspectSegments>(`/api/prospects/${prospectId}/segments`);
  return (
    <Card title="Automation" id="automation">
      <div className="card-body stack" style={{ gap: 12 }}>
        {segments.error ? (
          <ErrorState error={segments.error} onRetry={segments.reload} />
        ) : !segments.data ? (
          <LoadingState rows={2} />
        ) : (
          <>
            <div className="stack" style={{ gap: 6 }}>
              <h3>Dynamic lists</h3>
              {segments.data.dynamicLists.length ? (
                <ul className="plain small stack" style={{ gap: 4 }}>
                  {segments.data.dynamicLists.map((l) => (
                    <li key={l.id}>
                      <Link to={`/lists/${l.id}`}>{l.name}</Link>:{" "}
                      {l.member
                        ? `member since ${formatShortDateTime(l.joinedAt)}`
                        : `left ${formatShortDateTime(l.leftAt)}`}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">None</span>
              )}
            </div>
            <div className="stack" style={{ gap: 6 }}>
              <h3>Rules that ran</h3>
              {segments.data.ruleRuns.length ? (
                <ul className="plain small stack" style={{ gap: 8 }}>
                  {segments.data.ruleRuns.map((run) => (
                    <li key={run.runId}>
                      <Link to={`/rules/${run.ruleId}`}>{run.ruleName}</Link>, {formatShortDateTime(run.at)} (
                      {run.outcome})
                      <RunActions run={run} />
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">None</span>
              )}
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
