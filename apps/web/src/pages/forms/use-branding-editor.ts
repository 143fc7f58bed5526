import type { FormBranding } from "@gw/api-contract";
import { useEffect, useState } from "react";
import { ApiError, api, errorMessage, put } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useToast } from "../../components/Toast";

export interface BrandingDraft {
  logoUrl: string;
  accentColor: string;
  backgroundColor: string;
  footerText: string;
  frameAncestors: string;
}

const draftOf = (b: FormBranding): BrandingDraft => ({
  logoUrl: b.logo?.kind === "url" ? b.logo.url : "",
  accentColor: b.accentColor ?? "",
  backgroundColor: b.backgroundColor ?? "",
  footerText: b.footerText ?? "",
  frameAncestors: b.frameAncestors.join("\n"),
});

/** Reads a file as base64 (without the data: prefix) for the JSON upload. */
const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.readAsDataURL(file);
  });

/**
 * The branding page's data: the account's branding, the draft being edited, and the save, logo
 * upload and removal (each answer the API gives back becomes the cached branding).
 */
export function useBrandingEditor() {
  const branding = useApi<FormBranding>("/api/settings/branding");
  const toast = useToast();
  const [draft, setDraft] = useState<BrandingDraft | null>(null);
  const [error, setError] = useState<ApiError | Error>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (branding.data) setDraft(draftOf(branding.data));
  }, [branding.data]);

  const fieldError = (name: string) =>
    error instanceof ApiError
      ? error.fields.find((f) => f.field === `body.${name}` || f.field.startsWith(`body.${name}.`) || f.field === name)
          ?.message
      : undefined;

  const run = async (work: () => Promise<FormBranding>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await work();
      branding.setData(() => saved);
      toast.success(done);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(errorMessage(caught)));
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    if (!draft) return;
    const uploaded = branding.data?.logo?.kind === "upload";
    void run(
      () =>
        put<FormBranding>("/api/settings/branding", {
          // An uploaded logo stays unless a URL is typed over it.
          ...(uploaded && !draft.logoUrl.trim() ? {} : { logoUrl: draft.logoUrl.trim() || null }),
          accentColor: draft.accentColor.trim() || null,
          backgroundColor: draft.backgroundColor.trim() || null,
          footerText: draft.footerText.trim() || null,
          frameAncestors: draft.frameAncestors
            .split(/[\s,]+/)
            .map((o) => o.trim())
            .filter(Boolean),
        }),
      "Branding saved. Hosted forms show it within a few seconds.",
    );
  };

  const upload = (file: File | undefined) => {
    if (!file) return;
    void run(
      async () =>
        api<FormBranding>("/api/settings/branding/logo", {
          method: "PUT",
          body: { contentType: file.type, data: await base64Of(file) },
        }),
      `Logo “${file.name}” uploaded.`,
    );
  };

  const removeLogo = () =>
    void run(() => api<FormBranding>("/api/settings/branding/logo", { method: "DELETE" }), "Logo removed.");

  return { branding, draft, setDraft, error, busy, fieldError, save, upload, removeLogo };
}
