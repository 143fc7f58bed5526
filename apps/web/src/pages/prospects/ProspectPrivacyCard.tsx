import type { ProspectDetail } from "@gw/api-contract";
import { useState } from "react";
import { useMe } from "../../auth/AuthProvider";
import { Button, buttonClass } from "../../components/Button";
import { ConfirmDialog } from "../../components/Dialog";
import { Card } from "../../components/Layout";
import { formatDateTime } from "../../lib/format";

/**
 * What the person agreed to on forms, and their data rights: a JSON export of everything held
 * (access requests) and erasure (admins; asks first, since it cannot be undone).
 */
export function ProspectPrivacyCard({
  prospect,
  onErase,
}: {
  prospect: ProspectDetail;
  /** Settles once the erasure is done; a refusal is shown by the confirmation. */
  onErase(): Promise<unknown>;
}) {
  const isAdmin = useMe().user.role === "ADMIN";
  const [confirming, setConfirming] = useState(false);
  return (
    <Card title="Consent and privacy" id="privacy">
      <div className="card-body stack" style={{ gap: 12 }}>
        {prospect.consents.length === 0 ? (
          <p className="muted">No consent given on a form.</p>
        ) : (
          <ul className="stack" style={{ gap: 8, margin: 0, paddingLeft: 18 }}>
            {prospect.consents.map((c) => (
              <li key={c.name}>
                {c.text} <span className="muted">(version {c.version})</span>
                <br />
                <span className="muted small">
                  Given {formatDateTime(c.givenAt)}
                  {c.form ? ` on “${c.form.name}”` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="row">
          <a
            className={buttonClass("secondary", "sm")}
            href={`/api/prospects/${prospect.id}/export`}
            download={`prospect-${prospect.id}.json`}
          >
            Export data
          </a>
          {isAdmin ? (
            <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
              Erase
            </Button>
          ) : null}
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Erase ${prospect.email}?`}
        message="Their personal data is removed here, their upcoming GoTo Webinar registrations are deleted, and a later sync will not bring them back. This cannot be undone."
        confirmLabel="Erase prospect"
        onConfirm={async () => {
          await onErase();
          setConfirming(false);
        }}
      />
    </Card>
  );
}
