import type { FormList } from "@gw/api-contract";
import { useMutation } from "@tanstack/react-query";
import { post } from "../../api/client";
import { useApi } from "../../api/use-api";

/**
 * The forms page's data: the forms with their counts, and archiving one. An accepted archive
 * invalidates the cached answers (the API client's mutation hook), so the list is read again.
 */
export function useFormsList() {
  const forms = useApi<FormList>("/api/forms");
  const archive = useMutation({ mutationFn: (formId: string) => post(`/api/forms/${formId}/archive`) });
  return { forms, archive };
}
