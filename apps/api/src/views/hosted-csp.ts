import { LOCAL_TIME_SCRIPT_HASH } from "./html";

/** The parts of an account's branding the page's policy depends on. */
export interface CspBranding {
  logoUrl: string | null;
  frameAncestors: string[];
}

/**
 * The hosted pages' Content-Security-Policy: no script but the one hashed, inline styles only,
 * images only from where the logo is (our origin for an upload, the logo URL's origin), and
 * framing by any site unless the account named the sites that may (the iframe embed).
 */
export function hostedPageCsp(branding: CspBranding | null | undefined): string {
  const directives = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${LOCAL_TIME_SCRIPT_HASH}`,
    "base-uri 'none'",
  ];
  const logo = branding?.logoUrl;
  if (logo) {
    if (logo.startsWith("/")) directives.push("img-src 'self'");
    else
      try {
        directives.push(`img-src ${new URL(logo).origin}`);
      } catch {
        // An address that does not parse was never saved (the contract takes https URLs only).
      }
  }
  if (branding && branding.frameAncestors.length > 0)
    directives.push(`frame-ancestors 'self' ${branding.frameAncestors.join(" ")}`);
  return directives.join("; ");
}
