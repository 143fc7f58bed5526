import type { Db } from "@gw/db";
import { checkAccentColor, checkBackgroundColor, normalizeFrameAncestors } from "./branding-rules";
import { BRANDING_SELECT, type FormBrandingSettings, toBrandingSettings } from "./get-form-branding";

export interface UpdateFormBrandingOptions {
  db: Pick<Db, "formBranding">;
  accountId: string;
  input: {
    /** undefined keeps the logo as it is; null removes a logo given by URL; a URL replaces any logo. */
    logoUrl?: string | null | undefined;
    accentColor: string | null;
    backgroundColor: string | null;
    footerText: string | null;
    frameAncestors: string[];
  };
}

/** Replaces the branding (colours checked for contrast, origins for shape); the logo only when `logoUrl` is given. */
export async function updateFormBranding(options: UpdateFormBrandingOptions): Promise<FormBrandingSettings> {
  const { input } = options;
  const values = {
    accentColor: input.accentColor === null ? null : checkAccentColor("accentColor", input.accentColor),
    backgroundColor:
      input.backgroundColor === null ? null : checkBackgroundColor("backgroundColor", input.backgroundColor),
    footerText: input.footerText || null,
    frameAncestors: normalizeFrameAncestors("frameAncestors", input.frameAncestors),
    // A logo by URL replaces an uploaded one (its bytes go).
    ...(input.logoUrl !== undefined
      ? { logoUrl: input.logoUrl, ...(input.logoUrl ? { logoData: null, logoType: null } : {}) }
      : {}),
  };
  const row = await options.db.formBranding.upsert({
    where: { accountId: options.accountId },
    create: { accountId: options.accountId, ...values },
    update: values,
    select: BRANDING_SELECT,
  });
  return toBrandingSettings(row);
}
