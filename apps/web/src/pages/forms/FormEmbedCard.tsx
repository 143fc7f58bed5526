import type { FormBranding } from "@gw/api-contract";
import { Link } from "react-router-dom";
import { useApi } from "../../api/use-api";
import { Button } from "../../components/Button";
import { TextAreaField } from "../../components/Field";
import { Card } from "../../components/Layout";
import { hostedUrl } from "./form-model";
import { useCopy } from "./use-copy";

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
  const branding = useApi<FormBranding>("/api/settings/branding");
  const snippets = embedSnippets(formId, name);
  const origins = branding.data?.frameAncestors ?? [];
  return (
    <Card title="Embed on your site" id="embed">
      <div className="card-body stack" style={{ gap: 12 }}>
        <Snippet
          label="Script tag (recommended)"
          what="Script tag"
          hint="Paste it where the form should appear. It sizes the form to fit and records your page as the referrer, with its UTM parameters."
          rows={2}
          code={snippets.script}
        />
        <Snippet
          label="Iframe"
          what="Iframe code"
          hint="For sites that do not allow scripts. Your site's address is recorded as the referrer as far as its browser tells it."
          rows={3}
          code={snippets.iframe}
        />
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

/** One snippet, selected whole on focus, and its copy button ("Copy script tag"). */
function Snippet(props: { label: string; what: string; hint: string; rows: number; code: string }) {
  const copy = useCopy();
  return (
    <>
      <TextAreaField
        label={props.label}
        hint={props.hint}
        readOnly
        rows={props.rows}
        value={props.code}
        onFocus={(e) => e.target.select()}
      />
      <div>
        <Button
          size="sm"
          icon="copy"
          onClick={() => void copy(props.code, `${props.what} copied.`, "select the code and copy it yourself.")}
        >
          Copy {props.what.toLowerCase()}
        </Button>
      </div>
    </>
  );
}
