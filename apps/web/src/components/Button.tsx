import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Link, type LinkProps } from "react-router-dom";
import { Icon, type IconName } from "./Icon";

type Variant = "primary" | "secondary" | "danger" | "ghost" | "link";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: "md" | "sm";
  icon?: IconName;
  /** Shows a spinner, keeps the label for screen readers and blocks double submits. */
  loading?: boolean;
  children?: ReactNode;
}

export function buttonClass(variant: Variant = "secondary", size: "md" | "sm" = "md", extra?: string): string {
  return ["btn", variant !== "secondary" ? `btn-${variant}` : "", size === "sm" ? "btn-sm" : "", extra ?? ""]
    .filter(Boolean)
    .join(" ");
}

/** A CSV download as a secondary button: the browser saves what `href` answers (the session's cookie goes along). */
export function CsvLink({ href, children = "Export CSV" }: { href: string; children?: ReactNode }) {
  return (
    <a className={buttonClass("secondary")} href={href} download>
      <Icon name="download" /> {children}
    </a>
  );
}

/**
 * A small ghost button among a row's or an item's controls, named for its item (`label`, e.g.
 * "Delete Acme"): its icon or "Edit" alone would not say which of many it acts on.
 */
export function RowButton({
  label,
  ...rest
}: Omit<ButtonProps, "size" | "variant" | "aria-label"> & { label: string }) {
  return <Button size="sm" variant="ghost" aria-label={label} {...rest} />;
}

export function Button({ variant, size, icon, loading, children, className, disabled, type, ...rest }: ButtonProps) {
  return (
    <button
      type={type ?? "button"}
      className={buttonClass(variant, size, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? (
        <span className="spinner" aria-hidden="true" />
      ) : icon ? (
        <Icon name={icon} size={size === "sm" ? 14 : 16} />
      ) : null}
      {children}
    </button>
  );
}

export function ButtonLink({
  variant,
  size,
  icon,
  children,
  className,
  ...rest
}: LinkProps & { variant?: Variant; size?: "md" | "sm"; icon?: IconName }) {
  return (
    <Link className={buttonClass(variant, size, className)} {...rest}>
      {icon ? <Icon name={icon} size={size === "sm" ? 14 : 16} /> : null}
      {children}
    </Link>
  );
}

/** Reset and Save under an edited setting: both idle until something changed, Save busy while saving. */
export function SaveButtons({
  form,
  saveLabel,
}: {
  form: { dirty: boolean; busy: boolean; reset(): void; save(): void };
  saveLabel: string;
}) {
  return (
    <>
      <Button onClick={form.reset} disabled={!form.dirty || form.busy}>
        Reset
      </Button>
      <Button variant="primary" onClick={form.save} loading={form.busy} disabled={!form.dirty}>
        {saveLabel}
      </Button>
    </>
  );
}
