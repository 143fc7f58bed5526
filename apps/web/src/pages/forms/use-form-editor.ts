import type { Form, FormInput, List, Page, RedirectDomains, WebinarOptions } from "@gw/api-contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { post, put } from "../../api/client";
import { apiQueryKey } from "../../api/query-client";
import { useApi } from "../../api/use-api";

/**
 * What the form editor reads (the form, the upcoming webinars it may register for, the lists it
 * may add to, the account's redirect domains) and its save. A save the API accepts invalidates
 * every cached answer (the API client's mutation hook), so the forms list and the lists a save
 * made are read again; the saved form itself goes into the cache at once.
 */
export function useFormEditor(id: string | undefined) {
  const form = useApi<Form>(id ? `/api/forms/${id}` : null);
  const webinars = useApi<WebinarOptions>("/api/forms/webinar-options");
  const lists = useApi<Page<List>>("/api/lists", { pageSize: 200 });
  const redirectDomains = useApi<RedirectDomains>("/api/settings/redirect-domains");
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: FormInput) => (id ? put<Form>(`/api/forms/${id}`, body) : post<Form>("/api/forms", body)),
    onSuccess: (saved) => client.setQueryData(apiQueryKey(`/api/forms/${saved.id}`), saved),
  });
  return {
    form,
    webinars: webinars.data?.webinars ?? [],
    webinarsLoading: !webinars.data,
    lists: lists.data?.items ?? [],
    redirectDomains,
    save,
  };
}

export type FormEditorData = ReturnType<typeof useFormEditor>;
