import type { FormBranding } from "@gw/api-contract";
import { Link } from "react-router-dom";
import { useApi } from "../../api/use-api";
import { Button } from "../../components/Button";
import { TextAreaField } from "../../components/Field";
import { Card } from "../../components/Layout";
import { useToast } from "../../components/Toast";
import { hostedUrl } from "./form-model";

/** The HTML a marketer pastes into their own site: a script that places the form, or a plain iframe. */
export function embedSnippets(formId: string, name: string) {
  const url = hostedUrl(formId);
  const title = name.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  return {
    script: `<script src="${url}/embed.js" async></script>`,
    iframe: `<iframe src="${url}" title="${title}" style="width:100%;max-width:42rem;min-height:40rem;border:0" loading="lazy"></iframe>`,
  };
}

/** Share > Embed: both snippets with a copy button each, and which sites may show the form. */
export function FormEmbedCard({ formId, name }: { formId: string; name: string }) {
  const toast = useToast();
  const branding = useApi<FormBranding>("/api/settings/branding");
  const snippets = embedSnippets(formId, name);
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(`${what} copied.`);
    } catch {
      toast.error("Could not copy: select the code and copy it yourself.");
    }
  };
  const origins = branding.data?.frameAncestors ?? [];
  return (
    <Card title="Embed on your site" id="embed">
      <div className="card-body stack" style={{ gap: 12 }}>
        <TextAreaField
          label="Script tag (recommended)"
          hint="Paste it where the form should appear. It sizes the form to fit and records your page as the referrer, with its UTM parameters."
          readOnly
          rows={2}
          value={snippets.script}
          onFocus={(e) => e.target.select()}
        />
        <div>
          <Button size="sm" icon="copy" onClick={() => void copy(snippets.script, "Script tag")}>
            Copy script tag
          </Button>
        </div>
        <TextAreaField
          label="Iframe"
          hint="For sites that do not allow scripts. Your site's address is recorded as the referrer as far as its browser tells it."
          readOnly
          rows={3}
          value={snippets.iframe}
          onFocus={(e) => e.target.select()}
        />
        <div>
          <Button size="sm" icon="copy" onClick={() => void copy(snippets.iframe, "Iframe code")}>
            Copy iframe code
          </Button>
        </div>
        <p className="muted small">
          {origins.length === 0
            ? "Any site may show your forms. "
            : `Only these sites may show your forms: ${origins.join(", ")}. `}
          <Link to="/settings/branding">Change it under Branding</Link>.
        </p>
      </div>
    </Card>
  );
}
