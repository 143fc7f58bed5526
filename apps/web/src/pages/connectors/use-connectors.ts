import type {
  Campaign,
  CampaignList,
  Connector,
  ConnectorList,
  ConnectorSyncStatusList,
  OpsInfo,
} from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { del, errorMessage, patch, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useToast } from "../../components/Toast";

/** How often the page refreshes itself: quickly while a sync runs, slowly otherwise. */
const POLL_SYNCING_MS = 2_000;
const POLL_IDLE_MS = 30_000;

const isSyncing = (status: ConnectorSyncStatusList | undefined) =>
  (status?.items ?? []).some((s) => s.initial || s.running);
const pollEvery = (status: ConnectorSyncStatusList | undefined) => (isSyncing(status) ? POLL_SYNCING_MS : POLL_IDLE_MS);

function replaceIn(data: ConnectorList | undefined, updated: Connector): ConnectorList {
  return { items: (data?.items ?? []).map((c) => (c.id === updated.id ? updated : c)) };
}

/**
 * Admin > Connectors' data: the connectors and their sync status (polled, quickly while a sync
 * runs), whether webhooks can reach the installation, and the changes: verify (off to GoTo's
 * consent page), enable or disable, delete, and a dialog's saved connector. An accepted change's
 * answer goes into the cached list at once; the API client's mutation hook then refetches it.
 */
export function useConnectors() {
  const syncStatus = useApi<ConnectorSyncStatusList>("/api/connectors/sync-status", undefined, {
    refetchInterval: pollEvery,
  });
  // The connector row too: a sync that fails turns it to ERROR with its explanation.
  const connectors = useApi<ConnectorList>("/api/connectors", undefined, {
    refetchInterval: pollEvery(syncStatus.data),
  });
  const info = useApi<OpsInfo>("/api/ops/info");
  const toast = useToast();
  const { setData } = connectors;

  const verify = useMutation({
    mutationFn: (connector: Connector) => post<{ authorizationUrl: string }>(`/api/connectors/${connector.id}/verify`),
    // GoTo's consent page, which sends the browser back to /oauth/callback, then here.
    onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const setEnabled = useMutation({
    mutationFn: ({ connector, enabled }: { connector: Connector; enabled: boolean }) =>
      post<Connector>(`/api/connectors/${connector.id}/${enabled ? "enable" : "disable"}`),
    onSuccess: (updated, { connector, enabled }) => {
      setData((data) => replaceIn(data, updated));
      toast.success(
        enabled ? `${connector.name} is enabled again.` : `${connector.name} is disabled: its syncs are paused.`,
      );
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const remove = useMutation({
    mutationFn: (connector: Connector) => del(`/api/connectors/${connector.id}`),
    onSuccess: (_, connector) => {
      setData((data) => ({ items: (data?.items ?? []).filter((c) => c.id !== connector.id) }));
      toast.success(`${connector.name} deleted.`);
    },
  });

  const verifying = verify.isPending || verify.isSuccess ? verify.variables?.id : undefined;
  const toggling = setEnabled.isPending ? setEnabled.variables?.connector.id : undefined;

  return {
    connectors,
    webhooks: info.data?.webhooks,
    /** What the table's rows need from here: each connector's sync, the busy one, and its changes. */
    rowActions: {
      statusOf: (id: string) => syncStatus.data?.items.find((s) => s.connectorId === id),
      // One connector at a time is busy: the one being disabled or enabled, or the one being
      // verified (until the browser has left for GoTo's consent page).
      busyId: toggling ?? verifying ?? null,
      onVerify: (connector: Connector) => verify.mutate(connector),
      onSetEnabled: (connector: Connector, enabled: boolean) => setEnabled.mutate({ connector, enabled }),
    },
    remove: (connector: Connector) => remove.mutateAsync(connector),
    /** A connector the dialog created or saved, into the list at once. */
    saved: (saved: Connector, created: boolean) =>
      setData((data) => (created ? { items: [...(data?.items ?? []), saved] } : replaceIn(data, saved))),
  };
}

export interface ConnectorBody {
  name: string;
  connectorUserEmail: string;
  createProspects: boolean;
  campaignId: string | null;
}

/**
 * The connector dialog's data: the campaigns it offers (read while open), creating one from the
 * dialog, and saving the connector (`connector` null: adding one). A campaign created goes into
 * the offered list at once, so a connector refused after it is saved again with it, not a second.
 */
export function useConnectorDialog(open: boolean, connector: Connector | null) {
  const campaigns = useApi<CampaignList>(open ? "/api/campaigns" : null);
  const { setData } = campaigns;
  const createCampaign = useMutation({
    mutationFn: (name: string) => post<Campaign>("/api/campaigns", { name }),
    onSuccess: (created) => setData((data) => ({ items: [...(data?.items ?? []), created] })),
  });
  const save = useMutation({
    mutationFn: (body: ConnectorBody) =>
      connector ? patch<Connector>(`/api/connectors/${connector.id}`, body) : post<Connector>("/api/connectors", body),
  });
  return { campaigns, createCampaign, save };
}
