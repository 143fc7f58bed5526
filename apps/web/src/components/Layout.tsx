import type { ReactNode } from "react";
import { Link } from "react-router-dom";

export function PageHeader({
  title,
  description,
  breadcrumbs,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  breadcrumbs?: { label: string; to?: string }[];
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div className="titles">
        {breadcrumbs?.length ? (
          <nav aria-label="Breadcrumb" className="breadcrumbs">
            {breadcrumbs.map((crumb, i) => (
              <span key={crumb.label} className="row" style={{ gap: 6 }}>
                {crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : <span>{crumb.label}</span>}
                {i < breadcrumbs.length - 1 ? <span aria-hidden="true">/</span> : null}
              </span>
            ))}
          </nav>
        ) : null}
        <h1 tabIndex={-1}>{title}</h1>
        {description ? <p className="muted">{description}</p> : null}
      </div>
      {actions ? <div className="actions">{actions}</div> : null}
    </header>
  );
}

export function Card({
  title,
  actions,
  children,
  footer,
  id,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  id?: string;
}) {
  return (
    <section className="card" aria-labelledby={title && id ? `${id}-title` : undefined}>
      {title || actions ? (
        <div className="card-header">
          {title ? <h2 id={id ? `${id}-title` : undefined}>{title}</h2> : <span className="spacer" />}
          {actions}
        </div>
      ) : null}
      {children}
      {footer ? <div className="card-footer">{footer}</div> : null}
    </section>
  );
}

export function Stat({ label, value, sub }: { label: string; value: ReactNode; sub?: ReactNode }) {
  return (
    <div className="card stat">
      <span className="label">{label}</span>
      <span className="value">{value}</span>
      {sub ? <span className="sub">{sub}</span> : null}
    </div>
  );
}
