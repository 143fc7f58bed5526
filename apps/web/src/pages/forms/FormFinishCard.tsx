import type { RedirectDomains } from "@gw/api-contract";
import { useState } from "react";
import { errorMessage, put } from "../../api/client";
import { Button } from "../../components/Button";
import { TextAreaField, TextField } from "../../components/Field";
import { Card } from "../../components/Layout";
import { useToast } from "../../components/Toast";
import { useEditorField } from "./use-editor-field";

const FINISHES = [
  { value: "message", label: "Show a thank-you message" },
  { value: "redirect", label: "Redirect to a page" },
] as const;

/** After submitting: a thank-you message, or a redirect to a page (on the account's allowed domains). */
export function FormFinishCard({
  redirectDomains,
  isAdmin,
  onDomainsSaved,
}: {
  redirectDomains: RedirectDomains | undefined;
  isAdmin: boolean;
  onDomainsSaved(): void;
}) {
  const finish = useEditorField("finish").input;
  const thankYou = useEditorField("thankYouMessage");
  const redirect = useEditorField("redirectUrl");
  return (
    <Card title="After submitting" id="after">
      <div className="card-body stack">
        <div className="row" role="radiogroup" aria-label="After submitting">
          {FINISHES.map((choice) => (
            <label key={choice.value} className="row">
              <input
                type="radio"
                name={finish.name}
                checked={finish.value === choice.value}
                onChange={() => finish.onChange(choice.value)}
                onBlur={finish.onBlur}
              />{" "}
              {choice.label}
            </label>
          ))}
        </div>
        {finish.value === "message" ? (
          <TextAreaField label="Thank-you message" {...thankYou.input} error={thankYou.error} />
        ) : (
          <TextField
            label="Redirect URL"
            type="url"
            placeholder="https://example.com/thanks"
            {...redirect.input}
            error={redirect.error}
            hint={redirectHint(redirect.input.value, redirectDomains?.domains, isAdmin)}
          />
        )}
        {finish.value === "redirect" && isAdmin && redirectDomains ? (
          <AllowedDomains domains={redirectDomains.domains} onSaved={onDomainsSaved} />
        ) : null}
      </div>
    </Card>
  );
}

/**
 * What the editor says under the redirect address: where people will land, and whether that site
 * is on the account's list (a marketer can only save listed ones; an admin is warned).
 */
function redirectHint(value: string, domains: string[] | undefined, isAdmin: boolean): string | undefined {
  let host: string;
  try {
    host = new URL(value.trim()).hostname;
  } catch {
    return domains?.length ? `Allowed domains: ${domains.join(", ")}` : undefined;
  }
  if (host === window.location.hostname) return undefined;
  if (domains?.some((d) => host === d || host.endsWith(`.${d}`))) return `People go to ${host}, an allowed domain.`;
  return isAdmin
    ? `Warning: ${host} is not on your account's allowed redirect domains. People will leave for a site nobody listed; marketers cannot choose it.`
    : `${host} is not on your account's allowed redirect domains${domains?.length ? ` (${domains.join(", ")})` : ""}: ask an admin to add it.`;
}

/** Admins keep the account's list of redirect domains right where they choose a redirect. */
function AllowedDomains({ domains, onSaved }: { domains: string[]; onSaved: () => void }) {
  const [text, setText] = useState(domains.join(", "));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const list = text
        .split(/[\s,]+/)
        .map((d) => d.trim())
        .filter(Boolean);
      await put("/api/settings/redirect-domains", { domains: list });
      toast.success("Allowed redirect domains saved");
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="row" style={{ gap: 8, alignItems: "flex-end" }}>
      <TextField
        label="Allowed redirect domains (admins)"
        placeholder="example.com, events.example.com"
        hint="Marketers may redirect only to these and their subdomains."
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={error}
      />
      <Button onClick={() => void save()} loading={busy}>
        Save domains
      </Button>
    </div>
  );
}
