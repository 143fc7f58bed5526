import type { ChangeEvent } from "react";
import { useMe } from "../../auth/AuthProvider";
import { Button } from "../../components/Button";
import { TextAreaField, TextField } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { Alert, QueryView } from "../../components/States";
import { type BrandingDraft, useBrandingEditor } from "./use-branding-editor";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The two colours a form takes, as the branding page edits them. */
const COLOURS = [
  {
    key: "accentColor",
    label: "Accent colour",
    placeholder: "#1d4ed8",
    hint: "Buttons and links, as #rrggbb. It must be dark enough for white text (4.5:1). Empty: the default blue.",
  },
  {
    key: "backgroundColor",
    label: "Page background",
    placeholder: "#f4f5f7",
    hint: "Behind the form, as #rrggbb. The footer's text turns dark or white to stay readable. Empty: light grey.",
  },
] as const;

/** Settings > Branding: the hosted forms' logo, colours, footer, and which sites may embed them. */
export function BrandingPage() {
  const { branding, draft, setDraft, error, busy, fieldError, save, upload, removeLogo } = useBrandingEditor();
  const isAdmin = useMe().user.role === "ADMIN";

  if (branding.error || !branding.data || !draft)
    return (
      <>
        <PageHeader title="Form branding" />
        <Card>
          <QueryView query={{ ...branding, data: draft ?? undefined }} />
        </Card>
      </>
    );

  const logo = branding.data.logo;
  // From the latest draft, not this render's: two changes may come before the next render.
  const set = (change: Partial<BrandingDraft>) =>
    setDraft((current) => (current ? { ...current, ...change } : current));
  /** A text setting's value, change, refusal and lock (only admins edit), for its field to spread. */
  const field = (key: keyof BrandingDraft) => ({
    value: draft[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set({ [key]: e.target.value }),
    error: fieldError(key),
    disabled: !isAdmin,
  });
  const swatch = (value: string) =>
    HEX.test(value.trim()) ? <span className="swatch" style={{ background: value.trim() }} aria-hidden="true" /> : null;

  return (
    <>
      <PageHeader
        title="Form branding"
        description="How your hosted forms and their thank-you pages look, and which sites may embed them."
        actions={
          isAdmin ? (
            <Button variant="primary" icon="check" loading={busy} onClick={save}>
              Save branding
            </Button>
          ) : null
        }
      />
      {!isAdmin ? (
        <Alert tone="info" title="Only admins change the branding">
          You can see it here; ask an admin of your account to change it.
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="danger" title="The branding was not saved">
          {error.message}
        </Alert>
      ) : null}
      <div className="grid-2">
        <div className="stack" style={{ gap: 20 }}>
          <Card title="Logo" id="logo">
            <div className="card-body stack" style={{ gap: 12 }}>
              {logo?.kind === "upload" ? (
                <img className="brand-logo-preview" src={logo.url} alt="Current logo" />
              ) : logo ? (
                // This page loads images from its own origin only: the address is shown instead.
                <p className="muted">Logo from {logo.url}</p>
              ) : (
                <p className="muted">No logo: forms show their name only.</p>
              )}
              <TextField
                label="Logo address (https)"
                placeholder="https://www.example.com/logo.png"
                hint={
                  logo?.kind === "upload" ? "An uploaded logo is in use; an address typed here replaces it." : undefined
                }
                {...field("logoUrl")}
              />
              <TextField
                label="Or upload an image"
                type="file"
                accept={branding.data.limits.logoTypes.join(",")}
                hint={`PNG, JPEG, GIF or WebP, at most ${Math.round(branding.data.limits.logoMaxBytes / 1024)} KB.`}
                error={fieldError("data") ?? fieldError("contentType")}
                onChange={(e) => upload(e.target.files?.[0])}
                disabled={!isAdmin || busy}
              />
              {logo && isAdmin ? (
                <div>
                  <Button size="sm" variant="ghost" icon="trash" onClick={removeLogo}>
                    Remove logo
                  </Button>
                </div>
              ) : null}
            </div>
          </Card>
          <Card title="Colours and footer" id="colours">
            <div className="card-body stack" style={{ gap: 12 }}>
              {COLOURS.map((colour) => (
                <TextField
                  key={colour.key}
                  label={
                    <>
                      {colour.label} {swatch(draft[colour.key])}
                    </>
                  }
                  placeholder={colour.placeholder}
                  hint={colour.hint}
                  {...field(colour.key)}
                />
              ))}
              <TextAreaField
                label="Footer text"
                rows={3}
                hint="Under every form and thank-you page, e.g. your company's name and address."
                {...field("footerText")}
              />
            </div>
          </Card>
        </div>
        <Card title="Embedding" id="embedding">
          <div className="card-body stack" style={{ gap: 12 }}>
            <TextAreaField
              label="Sites that may embed your forms"
              rows={4}
              placeholder={"https://www.example.com\nhttps://*.example.com"}
              hint="One origin a line. Empty: any site may show your forms in a frame (they only collect what visitors type). Listing sites makes browsers refuse every other site."
              {...field("frameAncestors")}
            />
          </div>
        </Card>
      </div>
    </>
  );
}
