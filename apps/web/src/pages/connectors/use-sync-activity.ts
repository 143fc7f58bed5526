import type { ConnectorList, OpsQueues, SyncRunPage } from "@gw/api-contract";
import { useState } from "react";
import { useApi } from "../../api/use-api";
import { useSearchState } from "../../lib/use-search-state";

const DEFAULTS = { connectorId: "" };
const PAGE_SIZE = 50;

/**
 * Sync activity's data: the queues' health, the connectors to filter by, and the page of sync runs
 * of the chosen connector. Newest first; older pages by cursor, kept on a stack so "Newer" can go back.
 */
export function useSyncActivity() {
  const [state, set] = useSearchState(DEFAULTS);
  const connectors = useApi<ConnectorList>("/api/connectors");
  const queues = useApi<OpsQueues>("/api/ops/queues");
  const [cursors, setCursors] = useState<string[]>([]);
  const runs = useApi<SyncRunPage>("/api/sync-runs", {
    connectorId: state.connectorId,
    limit: PAGE_SIZE,
    cursor: cursors[cursors.length - 1],
  });
  const nextCursor = runs.data?.nextCursor ?? null;
  return {
    queues,
    connectors: connectors.data?.items ?? [],
    connectorId: state.connectorId,
    selectConnector: (connectorId: string) => {
      setCursors([]);
      set({ connectorId });
    },
    runs,
    page: cursors.length + 1,
    newer: cursors.length > 0 ? () => setCursors((list) => list.slice(0, -1)) : null,
    older: nextCursor ? () => setCursors((list) => [...list, nextCursor]) : null,
  };
}
