import type { ConnectorList } from "@gw/api-contract";
import { useEffect, useRef } from "react";
import { Link, useLocation } from "react-router-dom";
import { useApi } from "../api/use-api";
import { useMe } from "../auth/AuthProvider";
import { Alert } from "./States";

const POLL_MS = 60_000;

/** Shown on every page while a connector is in error: its syncs have stopped until someone acts. */
export function ConnectorProblemBanner() {
  const connectors = useApi<ConnectorList>("/api/connectors", undefined, { refetchInterval: POLL_MS });
  // The shell stays mounted across pages: look again on each page change (not on the first render, which just fetched).
  const { pathname } = useLocation();
  const seen = useRef(pathname);
  const { reload } = connectors;
  useEffect(() => {
    if (seen.current === pathname) return;
    seen.current = pathname;
    reload();
  }, [pathname, reload]);
  const isAdmin = useMe().user.role === "ADMIN";
  const failing = (connectors.data?.items ?? []).filter((c) => c.status === "ERROR");
  if (failing.length === 0) return null;
  return (
    <div className="problem-banner" data-testid="connector-problem-banner">
      {failing.map((c) => (
        <Alert key={c.id} tone="danger" title={`Connector “${c.name}” has stopped syncing`}>
          {c.problem?.message ?? "GoTo Webinar refused the connector."} {c.problem?.action ?? "Verify again."}{" "}
          {isAdmin ? (
            <Link to="/connectors">Open Connectors</Link>
          ) : (
            <span>An admin of your account can do this on the Connectors page.</span>
          )}
        </Alert>
      ))}
    </div>
  );
}
