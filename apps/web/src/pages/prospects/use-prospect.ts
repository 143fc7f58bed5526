import type { ProspectDetail, ProspectSegments } from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { errorMessage, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useToast } from "../../components/Toast";

/**
 * A prospect's page data, retrying a failed registration and erasing the prospect. An accepted
 * change invalidates the cached answers (`createQueryClient`), so the prospect is read again (a
 * retried request shows pending, an erased prospect its emptied record).
 */
export function useProspect(id: string) {
  const toast = useToast();
  const prospect = useApi<ProspectDetail>(`/api/prospects/${id}`);
  const retry = useMutation({
    mutationFn: (requestId: string) => post(`/api/registration-requests/${requestId}/retry`),
    onSuccess: () => toast.success("Registration queued again; it reaches GoTo Webinar within seconds."),
    onError: (error) => toast.error(errorMessage(error)),
  });
  const erase = useMutation({
    mutationFn: () => post(`/api/prospects/${id}/erase`, {}),
    onSuccess: () => toast.success("Prospect erased."),
  });
  return { prospect, retry, erase };
}

/** Which dynamic lists and automation rules touched a prospect (its Automation card). */
export function useProspectSegments(id: string) {
  return useApi<ProspectSegments>(`/api/prospects/${id}/segments`);
}
