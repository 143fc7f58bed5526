import type {
  CreatedOutboundEndpoint,
  EndpointTestResult,
  OutboundDelivery,
  OutboundDeliveryStatus,
  OutboundEndpoint,
  Page,
} from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { del, errorMessage, patch, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useToast } from "../../components/Toast";

/** The account's outbound endpoints (one list: an endpoint's own page is found in it). */
export function useEndpoints() {
  return useApi<{ items: OutboundEndpoint[] }>("/api/endpoints");
}

/**
 * An endpoint's admin actions: a test event (its answer shown until the next), enabling or
 * disabling it, rotating its secret (shown once, until dismissed) and deleting it. The delivery log
 * starts afresh after a toggle (`logKey`): its filter and page may no longer show what changed.
 */
export function useEndpointActions(endpoint: OutboundEndpoint, onChanged: () => void) {
  const toast = useToast();
  const base = `/api/endpoints/${endpoint.id}`;
  const [secret, setSecret] = useState<string | null>(null);
  const [logKey, setLogKey] = useState(0);
  const test = useMutation({ mutationFn: () => post<EndpointTestResult>(`${base}/test`, {}) });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => patch(base, { enabled }),
    onSuccess: (_, enabled) => {
      toast.success(enabled ? "Endpoint enabled." : "Endpoint disabled: events wait until it is enabled.");
      onChanged();
      setLogKey((n) => n + 1);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const rotate = useMutation({
    mutationFn: () => post<{ secret: string }>(`${base}/rotate-secret`, {}),
    onSuccess: (rotated) => setSecret(rotated.secret),
  });
  const remove = useMutation({ mutationFn: () => del(base) });
  const testResult: EndpointTestResult | { failed: string } | null = test.error
    ? { failed: errorMessage(test.error) }
    : (test.data ?? null);
  return { secret, dismissSecret: () => setSecret(null), logKey, test, testResult, toggle, rotate, remove };
}

/** An endpoint's deliveries, filtered and paged, refreshed while any is pending, and replaying them. */
export function useDeliveryLog(endpointId: string) {
  const toast = useToast();
  const [status, setStatus] = useState<OutboundDeliveryStatus | "">("");
  const [page, setPage] = useState(1);
  const log = useApi<Page<OutboundDelivery>>(
    `/api/endpoints/${endpointId}/deliveries`,
    { status, page, pageSize: 25 },
    // Pending deliveries change by themselves: refresh while any is on screen.
    { refetchInterval: (data) => (data?.items.some((d) => d.status === "PENDING") ? 2_000 : false) },
  );
  // A delivery's id, or "failed" for every failed one.
  const replay = useMutation({
    mutationFn: (deliveryId: string) =>
      post<{ replayed: number }>(
        deliveryId === "failed"
          ? `/api/endpoints/${endpointId}/deliveries/replay-failed`
          : `/api/endpoints/${endpointId}/deliveries/${deliveryId}/replay`,
        {},
      ),
    onSuccess: ({ replayed }) =>
      toast.success(
        replayed === 0
          ? "No failed deliveries to replay."
          : `${replayed} ${replayed === 1 ? "delivery" : "deliveries"} queued again.`,
      ),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const replaying = replay.isPending ? replay.variables : undefined;
  return {
    status,
    setStatus,
    page,
    setPage,
    log,
    replay: (deliveryId: string) => replay.mutate(deliveryId),
    replaying,
  };
}

export interface EndpointBody {
  url: string;
  description: string | null;
  /** Empty: every event type. */
  eventTypes: string[];
}

/** The endpoint dialog's data: the event types one may receive (read while open), and saving it (`endpoint` null: adding one). */
export function useEndpointDialog(open: boolean, endpoint: OutboundEndpoint | null) {
  const types = useApi<{ items: string[] }>(open ? "/api/endpoints/event-types" : null);
  const save = useMutation({
    mutationFn: (body: EndpointBody): Promise<OutboundEndpoint | CreatedOutboundEndpoint> =>
      endpoint
        ? patch<OutboundEndpoint>(`/api/endpoints/${endpoint.id}`, body)
        : post<CreatedOutboundEndpoint>("/api/endpoints", body),
  });
  return { types, save };
}
