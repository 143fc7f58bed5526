import { Link } from "react-router-dom";
import { Card } from "../../components/Layout";
import { QueryView } from "../../components/States";
import { formatShortDateTime } from "../../lib/format";
import { RunActions } from "../rules/RuleActions";
import { useProspectSegments } from "./use-prospect";

/** Which dynamic lists and automation rules touched a prospect, and when. */
export function ProspectAutomation({ prospectId }: { prospectId: string }) {
  const segments = useProspectSegments(prospectId);
  return (
    <Card title="Automation" id="automation">
      <div className="card-body stack" style={{ gap: 12 }}>
        <QueryView query={segments} rows={2}>
          {(data) => (
            <>
              <div className="stack" style={{ gap: 6 }}>
                <h3>Dynamic lists</h3>
                {data.dynamicLists.length ? (
                  <ul className="plain small stack" style={{ gap: 4 }}>
                    {data.dynamicLists.map((l) => (
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
                {data.ruleRuns.length ? (
                  <ul className="plain small stack" style={{ gap: 8 }}>
                    {data.ruleRuns.map((run) => (
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
        </QueryView>
      </div>
    </Card>
  );
}
