/**
 * The script a marketer pastes where the form should appear (`<script src=".../f/:id/embed.js"
 * async></script>`): it puts the hosted form in an iframe right where the tag is, passes the
 * embedding page's address (as `referrer`: origin and path only, since a campaign link's query can
 * carry an e-mail address or a token that must not reach our logs and database) and its UTM
 * parameters to the form, and sizes the frame
 * to the height the form reports. No cookies, no other requests.
 */
export function renderEmbedScript(formUrl: string, title: string): string {
  return `(function(){
var s=document.currentScript;if(!s)return;
var u=new URL(${JSON.stringify(formUrl)});
var q=new URLSearchParams(location.search);
["utm_source","utm_medium","utm_campaign","utm_term","utm_content"].forEach(function(k){var v=q.get(k);if(v)u.searchParams.set(k,v);});
u.searchParams.set("referrer",location.origin+location.pathname);
var f=document.createElement("iframe");
f.src=u.href;f.title=${JSON.stringify(title)};f.loading="lazy";
f.style.cssText="width:100%;max-width:42rem;border:0;min-height:32rem;display:block";
window.addEventListener("message",function(e){if(e.source===f.contentWindow&&e.origin===u.origin&&e.data&&e.data.type==="gw-form-height"){f.style.height=Math.ceil(e.data.height)+"px";}});
s.parentNode.insertBefore(f,s.nextSibling);
})();
`;
}
