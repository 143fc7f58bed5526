import { Button } from "../../components/Button";
import { Card } from "../../components/Layout";
import { hostedUrl } from "./form-model";
import { useCopy } from "./use-copy";

/** Share: the hosted page's link, to copy. */
export function FormShareCard({ formId }: { formId: string }) {
  const copy = useCopy();
  const url = hostedUrl(formId);
  return (
    <Card title="Share" id="share">
      <div className="card-body stack" style={{ gap: 10 }}>
        <div className="row" style={{ flexWrap: "nowrap" }}>
          <input
            className="input"
            readOnly
            value={url}
            aria-label="Hosted form link"
            onFocus={(e) => e.target.select()}
          />
          <Button icon="copy" onClick={() => void copy(url, "Link copied.", "select the link and copy it yourself.")}>
            Copy
          </Button>
        </div>
        <p className="muted small">Works without JavaScript: link to it, or embed it (below).</p>
      </div>
    </Card>
  );
}
