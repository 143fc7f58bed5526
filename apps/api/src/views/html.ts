import { createHash } from "node:crypto";
import { readableTextOn } from "@gw/domain/branding";

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** A tagged template whose interpolations are escaped unless wrapped in `raw()`. */
export class RawHtml {
  constructor(readonly html: string) {}
  toString() {
    return this.html;
  }
}
export const raw = (html: string) => new RawHtml(html);

type Part = string | number | RawHtml | null | undefined | false | Part[];

const render = (part: Part): string => {
  if (part === null || part === undefined || part === false) return "";
  if (Array.isArray(part)) return part.map(render).join("");
  if (part instanceof RawHtml) return part.html;
  return escapeHtml(String(part));
};

export function html(strings: TemplateStringsArray, ...parts: Part[]): RawHtml {
  let out = "";
  strings.forEach((text, i) => {
    out += text;
    if (i < parts.length) out += render(parts[i]);
  });
  return new RawHtml(out);
}

// Colours meet WCAG AA (text ≥ 4.5:1, focus ring ≥ 3:1) on white; the layout is one column that
// fits a phone and caps its width on a desktop; nothing needs JavaScript.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
:root{--accent:#1d4ed8;--page-bg:#f4f5f7;--page-text:#1a1a1a}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:var(--page-bg)}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.card{background:#fff;border:1px solid #d0d4da;border-radius:8px;padding:1.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.15rem;margin:0 0 .5rem}
.field{margin:0 0 1.25rem}
.field.has-error{border-left:4px solid #b3261e;padding-left:.75rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
.optional{font-weight:400;color:#4a4f57}
input,select,textarea{display:block;width:100%;font:inherit;color:#1a1a1a;background:#fff;border:2px solid #5f6670;border-radius:4px;padding:.5rem .6rem}
textarea{min-height:6rem;resize:vertical}
input[aria-invalid=true],select[aria-invalid=true],textarea[aria-invalid=true]{border-color:#b3261e}
input:focus,select:focus,textarea:focus,button:focus,a:focus,.error-summary:focus{outline:3px solid var(--accent);outline-offset:2px}
.error-message{color:#b3261e;font-weight:600;margin:0 0 .35rem}
.error-summary{border:4px solid #b3261e;border-radius:4px;padding:1rem;margin:0 0 1.5rem;background:#fff}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:#b3261e;font-weight:600}
button{font:inherit;font-weight:600;color:#fff;background:var(--accent);border:0;border-radius:4px;padding:.7rem 1.4rem;cursor:pointer}
button:hover{filter:brightness(.88)}
.hint{color:#4a4f57;margin:0 0 1.25rem}
.consent{display:flex;flex-wrap:wrap;align-items:flex-start;gap:.6rem}
.consent .error-message{flex-basis:100%}
.consent input{flex:none;width:1.25rem;height:1.25rem;margin:.15rem 0 0;padding:0}
.consent label{flex:1;font-weight:400;margin:0}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.webinar{border:1px solid #d0d4da;border-radius:6px;padding:1rem;margin:0 0 1.5rem;background:#f8f9fb}
.sessions{margin:0 0 .75rem;padding-left:1.1rem}
.zone,.local-time,.hint-inline{color:#4a4f57}
.local-time{display:block}
.facts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0 0 .5rem}
.facts dt{font-weight:600;display:inline}
.facts dt::after{content:":"}
.facts dd{display:inline;margin:0 0 0 .25rem}
.description{white-space:pre-line;margin:0}
.notice{border-left:4px solid var(--accent);padding:.5rem .75rem;background:#eef2ff}
.join{display:inline-block;font-weight:600;color:#fff;background:var(--accent);border-radius:4px;padding:.6rem 1.2rem;text-decoration:none}
a{color:var(--accent)}
.brand{margin:0 0 1rem;text-align:center}
.brand img{max-height:4rem;max-width:100%;height:auto}
.brand-footer{color:var(--page-text);margin:1.25rem 0 0;text-align:center;white-space:pre-line;font-size:.95rem}
.sessions-choice{border:0;margin:0 0 1.25rem;padding:0}
.sessions-choice legend{font-weight:600;margin-bottom:.25rem;padding:0}
.session-option{display:flex;align-items:flex-start;gap:.6rem;margin:.35rem 0}
.session-option input{flex:none;width:1.25rem;height:1.25rem;margin:.15rem 0 0;padding:0}
.session-option label{font-weight:400;margin:0}
.calendar-links{padding-left:1.1rem}
@media (max-width:30rem){main{padding:1rem .5rem}.card{padding:1rem}button{width:100%}}
`;

// The one script of a hosted page: beside each webinar time (written in the webinar's zone) it
// adds the visitor's own time; in a frame it tells the embedding page its height (the embed
// script sizes the frame to it). Without JavaScript the webinar's zone, named, remains.
const LOCAL_TIME_SCRIPT = `(function(){if(window.parent!==window){var h=function(){window.parent.postMessage({type:"gw-form-height",height:document.documentElement.scrollHeight},"*");};h();window.addEventListener("load",h);window.addEventListener("resize",h);}var f;try{f=new Intl.DateTimeFormat(undefined,{weekday:"long",day:"numeric",month:"long",year:"numeric",hour:"2-digit",minute:"2-digit",timeZoneName:"short"});}catch(e){return;}var z=Intl.DateTimeFormat().resolvedOptions().timeZone;document.querySelectorAll("time[data-end]").forEach(function(t){if(t.getAttribute("data-zone")===z)return;var s=document.createElement("span");s.className="local-time";s.textContent="Your time: "+f.formatRange(new Date(t.dateTime),new Date(t.getAttribute("data-end")));t.parentNode.appendChild(s);});})();`;

/** The CSP source that allows exactly that script and nothing else. */
export const LOCAL_TIME_SCRIPT_HASH = `'sha256-${createHash("sha256").update(LOCAL_TIME_SCRIPT).digest("base64")}'`;

/** The colours and pieces of an account's branding a page shows (see HostedBranding). */
export interface PageBranding {
  accountName: string;
  logoUrl: string | null;
  accentColor: string | null;
  backgroundColor: string | null;
  footerText: string | null;
}

// The colours were validated as #rrggbb (and for contrast) when saved: safe inside <style>.
const HEX = /^#[0-9a-f]{6}$/i;
function brandStyle(branding: PageBranding | null | undefined): string {
  const vars: string[] = [];
  if (branding?.accentColor && HEX.test(branding.accentColor)) vars.push(`--accent:${branding.accentColor}`);
  if (branding?.backgroundColor && HEX.test(branding.backgroundColor))
    vars.push(`--page-bg:${branding.backgroundColor}`, `--page-text:${readableTextOn(branding.backgroundColor)}`);
  return vars.length > 0 ? `:root{${vars.join(";")}}` : "";
}

export function page(options: { title: string; body: RawHtml; branding?: PageBranding | null }): string {
  const branding = options.branding ?? null;
  return `<!doctype html>
${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${options.title}</title>
<style>${raw(STYLE + brandStyle(branding))}</style>
</head>
<body>
<main>
${
  branding?.logoUrl
    ? html`<header class="brand"><img src="${branding.logoUrl}" alt="${branding.accountName || "Logo"}"></header>
`
    : ""
}<div class="card">
${options.body}
</div>
${
  branding?.footerText
    ? html`<footer class="brand-footer">${branding.footerText}</footer>
`
    : ""
}</main>
<script>${raw(LOCAL_TIME_SCRIPT)}</script>
</body>
</html>
`}`;
}
