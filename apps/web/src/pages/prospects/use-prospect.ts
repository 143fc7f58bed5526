import type { ProspectDetail } from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { errorMessage, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useToast } from "../../components/Toast";

/**
 * A prospect's page data and retrying a failed registration. An accepted retry invalidates the
 * cached answers (`createQueryClient`), so the prospect is read again and shows the request pending.
 */
export function useProspect(id: string) {
  const toast = useToast();
  const prospect = useApi<ProspectDetail>(`/api/prospects/${id}`);
  const retry = useMutation({
    mutationFn: (requestId: string) => post(`/api/registration-requests/${requestId}/retry`),
    onSuccess: () => toast.success("Registration queued again; it reaches GoTo Webinar within seconds."),
    onError: (error) => toast.error(errorMessage(error)),
  });
  return { prospect, retry };
}
