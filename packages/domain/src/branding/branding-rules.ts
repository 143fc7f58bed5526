import { invalid } from "../errors/index";
import { contrastRatio, MIN_TEXT_CONTRAST, readableTextOn } from "./colour-contrast";

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/**
 * The image type its first bytes say. A browser sniffs no further on our nosniff answer, but the
 * type is checked anyway: what we serve as image/png must be one. SVG is refused outright (it can
 * carry script).
 */
export function sniffImageType(bytes: Uint8Array): LogoType | null {
  const starts = (...sig: number[]) => sig.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return "image/webp";
  return null;
}

const ratio = (value: number) => `${(Math.floor(value * 10) / 10).toFixed(1)}:1`;

/** The accent colour carries white button text and is link text on the white card: AA both ways. */
export function checkAccentColor(field: string, hex: string): string {
  const colour = hex.toLowerCase();
  const contrast = contrastRatio(colour, "#ffffff");
  if (contrast < MIN_TEXT_CONTRAST)
    throw invalid(
      field,
      `${colour} is too light for white button text and links on white (contrast ${ratio(contrast)}, needs ${MIN_TEXT_CONTRAST}:1); choose a darker colour`,
      hex,
    );
  return colour;
}

/** The page background carries the footer text, dark or white, whichever reads better. */
export function checkBackgroundColor(field: string, hex: string): string {
  const colour = hex.toLowerCase();
  const contrast = contrastRatio(colour, readableTextOn(colour));
  if (contrast < MIN_TEXT_CONTRAST)
    throw invalid(
      field,
      `Neither dark nor white text reads well on ${colour} (best contrast ${ratio(contrast)}, needs ${MIN_TEXT_CONTRAST}:1); choose a lighter or darker colour`,
      hex,
    );
  return colour;
}

const ORIGIN = /^(https?):\/\/(\*\.)?([a-z0-9-]+(\.[a-z0-9-]+)*)(:\d{1,5})?$/;

/**
 * Origins allowed to frame the hosted forms, as CSP frame-ancestors sources. A pasted page
 * address is reduced to its origin; anything else (a path, a bare "*", a quote) is refused, since
 * the value goes into a header.
 */
export function normalizeFrameAncestors(field: string, values: string[]): string[] {
  const out: string[] = [];
  values.forEach((raw, i) => {
    let value = raw.trim().toLowerCase();
    const match = /^(https?:\/\/[^/?#]+)[/?#]?/.exec(value);
    if (match) value = match[1]!;
    const parts = ORIGIN.exec(value);
    if (!parts)
      throw invalid(
        `${field}.${i}`,
        `"${raw}" is not a site origin; write it like https://www.example.com or https://*.example.com`,
        raw,
      );
    const [, scheme, wildcard, host] = parts;
    // "*.com" would let every .com site frame the forms: a wildcard needs a site under it.
    if (wildcard && !host?.includes("."))
      throw invalid(
        `${field}.${i}`,
        `"${raw}" allows a whole top-level domain; name a site, like https://*.example.com`,
        raw,
      );
    // A page served over plain http can be altered on the way: only a developer's own machine.
    if (scheme === "http" && !/^(localhost|127\.0\.0\.1)$/.test(host ?? ""))
      throw invalid(`${field}.${i}`, `"${raw}" is served over plain http; use its https:// address`, raw);
    if (!out.includes(value)) out.push(value);
  });
  return out;
}
