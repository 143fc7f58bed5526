import type { WebinarDetail } from "@gw/api-contract";
import { useApi } from "../../api/use-api";
import { useMe } from "../../auth/AuthProvider";

/**
 * One webinar's report page data: its detail (counts, sessions, registrations per day, questions),
 * and whether the viewer may queue a sync of it (admins only).
 */
export function useWebinar(id: string) {
  const detail = useApi<WebinarDetail>(`/api/reports/webinars/${id}`);
  const canSync = useMe().user.role === "ADMIN";
  return { detail, canSync };
}
