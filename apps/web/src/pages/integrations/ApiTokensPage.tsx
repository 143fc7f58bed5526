import type { ApiToken } from "@gw/api-contract";
import { useState } from "react";
import { ApiError, errorMessage, fieldMessage } from "../../api/client";
import { useMe } from "../../auth/AuthProvider";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { type Column, DataTable } from "../../components/DataTable";
import { ConfirmDialog } from "../../components/Dialog";
import { SetCheckbox, SubmitRow, TextField } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { OneTimeSecret } from "../../components/OneTimeSecret";
import { Alert, EmptyState, QueryView } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatDateTime, formatRelative } from "../../lib/format";
import { type Scope, useApiTokens } from "./use-api-tokens";

const SCOPES: { scope: Scope; label: string; hint: string }[] = [
  { scope: "read", label: "Read", hint: "every GET: reports, prospects, the participation feed" },
  { scope: "write", label: "Write", hint: "every change: prospects, lists, forms, endpoints" },
];

/** Integrations > API tokens: machine access for other systems (admins only). */
export function ApiTokensPage() {
  const isAdmin = useMe().user.role === "ADMIN";
  return (
    <>
      <PageHeader
        title="API tokens"
        breadcrumbs={[{ label: "Integrations" }, { label: "API tokens" }]}
        description={
          <>
            Other systems call this service's API with <code>Authorization: Bearer &lt;token&gt;</code>, no login or
            CSRF token needed. The API documentation at <a href="/docs">/docs</a> lists the scopes each route accepts.
          </>
        }
      />
      {isAdmin ? (
        <ApiTokens />
      ) : (
        <Card>
          <EmptyState icon="server" title="Only admins manage API tokens">
            Ask an admin of your account for a token.
          </EmptyState>
        </Card>
      )}
    </>
  );
}

function ApiTokens() {
  const toast = useToast();
  const { tokens, create, created, dismissCreated, revoke } = useApiTokens();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Set<Scope>>(new Set(["read"]));
  const error = create.error;
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const nameError = fieldMessage(error, "name");
  const scopesError =
    scopes.size === 0
      ? "Give the token read, write or both."
      : error instanceof ApiError
        ? error.fieldMessage("scopes")
        : undefined;

  const columns: Column<ApiToken>[] = [
    {
      key: "name",
      header: "Name",
      render: (t) => (
        <div className="stack" style={{ gap: 2 }}>
          <strong>{t.name}</strong>
          <code className="small">{t.prefix}…</code>
        </div>
      ),
    },
    {
      key: "scopes",
      header: "Scopes",
      render: (t) => (
        <span className="row" style={{ gap: 4 }}>
          {t.scopes.map((s) => (
            <Badge key={s} tone={s === "write" ? "warning" : "info"}>
              {s}
            </Badge>
          ))}
        </span>
      ),
    },
    {
      key: "created",
      header: "Created",
      render: (t) => (
        <span title={formatDateTime(t.createdAt)}>
          {formatRelative(t.createdAt)}
          {t.createdBy ? <span className="muted small"> by {t.createdBy.email}</span> : null}
        </span>
      ),
    },
    {
      key: "used",
      header: "Last used",
      render: (t) =>
        t.lastUsedAt ? <span title={formatDateTime(t.lastUsedAt)}>{formatRelative(t.lastUsedAt)}</span> : "Never",
    },
    {
      key: "state",
      header: <span className="sr-only">State and actions</span>,
      render: (t) =>
        t.revokedAt ? (
          <Badge title={formatDateTime(t.revokedAt)}>Revoked {formatRelative(t.revokedAt)}</Badge>
        ) : (
          <Button size="sm" variant="danger" aria-label={`Revoke ${t.name}`} onClick={() => setRevoking(t)}>
            Revoke
          </Button>
        ),
    },
  ];

  return (
    <>
      {created ? (
        <OneTimeSecret label="API token" value={created.token} onDismiss={dismissCreated}>
          <p>
            “{created.name}” ({created.scopes.join(" and ")}). Only a hash of it is stored: a lost token cannot be
            recovered, revoke it and create another.
          </p>
        </OneTimeSecret>
      ) : null}
      <Card title="Create a token" id="create-token">
        <form
          className="card-body stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (scopes.size === 0) return;
            create.mutate({ name, scopes: [...scopes] }, { onSuccess: () => setName("") });
          }}
        >
          <TextField
            label="Name"
            required
            placeholder="Data warehouse"
            hint="Which system uses it."
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={nameError}
          />
          <fieldset className="fieldset stack" style={{ gap: 6 }}>
            <legend>Scopes</legend>
            {SCOPES.map(({ scope, label, hint }) => (
              <SetCheckbox key={scope} item={scope} picked={scopes} onChange={setScopes}>
                <span>
                  <strong>{label}</strong> <span className="muted">— {hint}</span>
                </span>
              </SetCheckbox>
            ))}
            {scopesError ? <span className="error">{scopesError}</span> : null}
          </fieldset>
          {error && !nameError && !(error instanceof ApiError && error.fieldMessage("scopes")) ? (
            <Alert tone="danger" title="Not created">
              {errorMessage(error)}
            </Alert>
          ) : null}
          <SubmitRow label="Create token" icon="plus" saving={create.isPending} />
        </form>
      </Card>
      <Card title="Tokens" id="tokens">
        <QueryView
          query={tokens}
          empty={
            <EmptyState icon="server" title="No API tokens yet">
              Create one for each system that calls the API, so you can revoke one without the others.
            </EmptyState>
          }
        >
          {(data) => <DataTable caption="API tokens" columns={columns} rows={data.items} rowKey={(t) => t.id} />}
        </QueryView>
      </Card>
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        message="Every request with this token is refused from now on. This cannot be undone."
        confirmLabel="Revoke token"
        onConfirm={async () => {
          if (!revoking) return;
          await revoke.mutateAsync(revoking);
          toast.success(`“${revoking.name}” revoked.`);
        }}
      />
    </>
  );
}
