import type { Db } from "@gw/db";
import { invalid, notFound } from "../errors/index";
import { LOGO_MAX_BYTES, sniffImageType } from "./branding-rules";
import { BRANDING_SELECT, type FormBrandingSettings, toBrandingSettings } from "./get-form-branding";

export interface SetFormLogoOptions {
  db: Pick<Db, "formBranding">;
  accountId: string;
  /** The type the uploader declared; it must be what the bytes are. */
  contentType: string;
  bytes: Uint8Array;
}

/** Stores an uploaded logo in Postgres (one per account, replacing a URL logo). */
export async function setFormLogo(options: SetFormLogoOptions): Promise<FormBrandingSettings> {
  const { bytes } = options;
  if (bytes.length === 0) throw invalid("data", "The image is empty; choose a PNG, JPEG, GIF or WebP file");
  if (bytes.length > LOGO_MAX_BYTES)
    throw invalid(
      "data",
      `The image is ${Math.ceil(bytes.length / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB`,
    );
  const sniffed = sniffImageType(bytes);
  if (!sniffed) throw invalid("data", "The file is not a PNG, JPEG, GIF or WebP image (SVG is not accepted)");
  if (sniffed !== options.contentType)
    throw invalid("contentType", `The file is ${sniffed}, not ${options.contentType}`, options.contentType);
  const values = { logoData: Buffer.from(bytes), logoType: sniffed, logoUrl: null };
  const row = await options.db.formBranding.upsert({
    where: { accountId: options.accountId },
    create: { accountId: options.accountId, ...values, logoVersion: 1 },
    update: { ...values, logoVersion: { increment: 1 } },
    select: BRANDING_SELECT,
  });
  return toBrandingSettings(row);
}

/** Removes the logo, uploaded or by URL. */
export async function deleteFormLogo(options: Omit<SetFormLogoOptions, "contentType" | "bytes">) {
  const values = { logoData: null, logoType: null, logoUrl: null };
  const row = await options.db.formBranding.upsert({
    where: { accountId: options.accountId },
    create: { accountId: options.accountId },
    update: values,
    select: BRANDING_SELECT,
  });
  return toBrandingSettings(row);
}

/** The uploaded logo's bytes, for the hosted pages (NOT_FOUND when the account has none). */
export async function getFormLogo(options: { db: Pick<Db, "formBranding">; accountId: string }) {
  const row = await options.db.formBranding.findUnique({
    where: { accountId: options.accountId },
    select: { logoData: true, logoType: true },
  });
  if (!row?.logoData || !row.logoType) throw notFound("The logo");
  return { bytes: row.logoData, contentType: row.logoType };
}
