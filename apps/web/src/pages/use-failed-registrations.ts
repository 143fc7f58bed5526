import { useMutation } from "@tanstack/react-query";
import { errorMessage, post } from "../api/client";
import { useApi } from "../api/use-api";
import { useToast } from "../components/Toast";

export interface FailedRequest {
  id: string;
  reason: string | null;
  attempts: number;
  createdAt: string;
  prospect: { id: string; email: string };
  webinar: { id: string; subject: string };
}

/**
 * The registrations GoTo Webinar refused, and retrying one. An accepted retry invalidates the
 * cached answers (`createQueryClient`), so the list is read again and the retried one leaves it.
 */
export function useFailedRegistrations() {
  const toast = useToast();
  const failed = useApi<{ requests: FailedRequest[]; total: number }>("/api/registration-requests", {
    status: "FAILED",
    limit: 50,
  });
  const retry = useMutation({
    mutationFn: (request: FailedRequest) => post(`/api/registration-requests/${request.id}/retry`),
    onSuccess: (_answer, request) => toast.success(`Registration of ${request.prospect.email} queued again.`),
    onError: (error) => toast.error(errorMessage(error)),
  });
  return { failed, retry };
}
