import type { ReactNode } from "react";
import { ApiError } from "../api/client";
import { Button } from "./Button";
import { Icon, type IconName } from "./Icon";

export function LoadingState({ label = "Loading…", rows = 5 }: { label?: string; rows?: number }) {
  return (
    <div className="card-body stack" role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
        <span key={i} className="skeleton" style={{ width: `${90 - ((i * 17) % 40)}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}

/** What a query is: its latest answer, its failure, and the way to ask again (`useApi`'s shape). */
export interface QueryLike<T> {
  data: T | undefined;
  error: Error | undefined;
  reload(): void;
}

/**
 * A query's answer in place: its error with a retry, a placeholder while the first answer loads,
 * `empty` when there is nothing (by default a page without items), otherwise `children`.
 */
export function QueryView<T>({
  query,
  rows,
  errorTitle,
  empty,
  isEmpty = hasNoItems,
  children,
}: {
  query: QueryLike<T>;
  /** Placeholder lines while loading. */
  rows?: number;
  /** The error's heading when "This could not be loaded" would not say what (one card of several). */
  errorTitle?: string;
  empty?: ReactNode;
  isEmpty?(data: T): boolean;
  /** Omitted by a page that shows only the error or placeholder here and returns its content itself. */
  children?(data: T): ReactNode;
}) {
  if (query.error) return <ErrorState error={query.error} onRetry={query.reload} title={errorTitle} />;
  if (query.data === undefined) return <LoadingState rows={rows} />;
  if (empty !== undefined && isEmpty(query.data)) return <>{empty}</>;
  return <>{children?.(query.data)}</>;
}

/**
 * Two queries as one, for a view that needs both: the first failure, an answer once both have
 * answered, and a retry that asks both again.
 */
export function bothQueries<A, B>(a: QueryLike<A>, b: QueryLike<B>): QueryLike<[A, B]> {
  return {
    data: a.data === undefined || b.data === undefined ? undefined : [a.data, b.data],
    error: a.error ?? b.error,
    reload() {
      a.reload();
      b.reload();
    },
  };
}

function hasNoItems(data: unknown): boolean {
  const items = (data as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length === 0;
}

export function EmptyState({
  icon = "inbox",
  title,
  children,
  action,
}: {
  icon?: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state">
      <span className="icon" aria-hidden="true">
        <Icon name={icon} size={20} />
      </span>
      <h2 className="state-title">{title}</h2>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

/** What went wrong, in the API's words, with a retry; the request id helps an operator find the log. */
export function ErrorState({
  error,
  onRetry,
  title = "This could not be loaded",
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const message = error instanceof Error ? error.message : String(error);
  const reqId = error instanceof ApiError ? error.reqId : undefined;
  return (
    <div className="state state-error" role="alert">
      <span className="icon" aria-hidden="true">
        <Icon name="alert" size={20} />
      </span>
      <h2 className="state-title">{title}</h2>
      <p>{message}</p>
      {reqId ? (
        <p className="small">
          Reference: <code>{reqId}</code>
        </p>
      ) : null}
      {onRetry ? (
        <Button icon="refresh" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}

/** A refusal as an alert, unless the API named fields: then each field shows its own message. */
export function FormError({ error }: { error: Error | undefined }) {
  if (!error || (error instanceof ApiError && error.fields.length)) return null;
  return <Alert tone="danger">{error.message}</Alert>;
}

export function Alert({
  tone,
  title,
  children,
  onDismiss,
}: {
  tone: "success" | "danger" | "info" | "warning";
  title?: string;
  children?: ReactNode;
  onDismiss?: () => void;
}) {
  const icon: IconName = tone === "success" ? "checkCircle" : tone === "info" ? "info" : "alert";
  return (
    <div className={`alert alert-${tone}`} role={tone === "danger" ? "alert" : "status"}>
      <Icon name={icon} size={18} />
      <div className="alert-body">
        {title ? <strong>{title}</strong> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {onDismiss ? (
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDismiss} aria-label="Dismiss">
          <Icon name="x" size={14} />
        </button>
      ) : null}
    </div>
  );
}
