import type { Db } from "@gw/db";
import { LOGO_MAX_BYTES, LOGO_TYPES } from "./branding-rules";

export interface FormBrandingSettings {
  logo: { kind: "url" | "upload"; url: string; contentType: string | null } | null;
  accentColor: string | null;
  backgroundColor: string | null;
  footerText: string | null;
  frameAncestors: string[];
  limits: { logoMaxBytes: number; logoTypes: string[] };
}

export interface GetFormBrandingOptions {
  db: Pick<Db, "formBranding">;
  accountId: string;
}

export const BRANDING_SELECT = {
  logoUrl: true,
  logoType: true,
  logoVersion: true,
  accentColor: true,
  backgroundColor: true,
  footerText: true,
  frameAncestors: true,
} as const;

export interface BrandingRow {
  logoUrl: string | null;
  logoType: string | null;
  logoVersion: number;
  accentColor: string | null;
  backgroundColor: string | null;
  footerText: string | null;
  frameAncestors: string[];
}

/** Where an uploaded logo is served: per form (public, like the form), versioned so a new one is never a cached old one. */
export const uploadedLogoPath = (formId: string, version: number) => `/f/${formId}/logo?v=${version}`;

/** An upload wins over a URL: it is what the admin did last (a new URL clears the upload). */
export function logoOf(row: BrandingRow | null, formId: string | null): FormBrandingSettings["logo"] {
  if (!row) return null;
  if (row.logoType)
    return {
      kind: "upload",
      url: formId ? uploadedLogoPath(formId, row.logoVersion) : `/api/settings/branding/logo?v=${row.logoVersion}`,
      contentType: row.logoType,
    };
  return row.logoUrl ? { kind: "url", url: row.logoUrl, contentType: null } : null;
}

export function toBrandingSettings(row: BrandingRow | null): FormBrandingSettings {
  return {
    logo: logoOf(row, null),
    accentColor: row?.accentColor ?? null,
    backgroundColor: row?.backgroundColor ?? null,
    footerText: row?.footerText ?? null,
    frameAncestors: row?.frameAncestors ?? [],
    limits: { logoMaxBytes: LOGO_MAX_BYTES, logoTypes: [...LOGO_TYPES] },
  };
}

/** The account's hosted form branding; all defaults until an admin saves one. */
export async function getFormBranding(options: GetFormBrandingOptions): Promise<FormBrandingSettings> {
  const row = await options.db.formBranding.findUnique({
    where: { accountId: options.accountId },
    select: BRANDING_SELECT,
  });
  return toBrandingSettings(row);
}
