import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, put } from "../api/client";
import { useApi } from "../api/use-api";
import { useToast } from "../components/Toast";

/**
 * A setting edited in place and saved with PUT: the draft starts from the saved answer (and again
 * whenever a new one arrives), knows whether it differs, resets, and saves. The API's answer to
 * the PUT becomes the cached answer, so the draft follows what was stored.
 */
export function useEditable<T, D>({
  path,
  toDraft,
  same,
  toBody,
  savedMessage,
}: {
  path: string;
  toDraft(data: T | undefined): D;
  same(a: D, b: D): boolean;
  toBody(draft: D): unknown;
  /** The toast after a save, from what the API stored. */
  savedMessage: string | ((saved: T) => string);
}) {
  const query = useApi<T>(path);
  const toast = useToast();
  const saved = toDraft(query.data);
  // The draft remembers the answer it was made from: a new answer (a save, a refetch that changed
  // something) shows the saved values again, without an effect to copy them over.
  const [edit, setEdit] = useState<{ from: T | undefined; draft: D } | null>(null);
  const draft = edit && edit.from === query.data ? edit.draft : saved;
  const setDraft = (update: (current: D) => D) => setEdit({ from: query.data, draft: update(draft) });
  const saving = useMutation({
    mutationFn: (body: unknown) => put<T>(path, body),
    onSuccess: (result) => {
      query.setData(() => result);
      toast.success(typeof savedMessage === "string" ? savedMessage : savedMessage(result));
    },
  });
  const error = saving.error
    ? saving.error instanceof Error
      ? saving.error
      : new Error(errorMessage(saving.error))
    : undefined;
  return {
    query,
    draft,
    setDraft,
    saved,
    dirty: !same(draft, saved),
    reset: () => setEdit(null),
    save: () => saving.mutate(toBody(draft)),
    /** Saves a body other than the draft's (e.g. "restore the default"). */
    saveBody: (body: unknown) => saving.mutate(body),
    busy: saving.isPending,
    error,
  };
}
