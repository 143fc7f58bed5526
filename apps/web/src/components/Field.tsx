import {
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { Button } from "./Button";
import type { IconName } from "./Icon";
import { Alert } from "./States";

interface FieldChrome {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** What a field's control carries so that its label, hint and error are read with it. */
interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * A field: its label, the control `children` draws with the props it is given, then its hint and
 * error, wired to the control with ids so screen readers read all three.
 */
function Field({
  label,
  hint,
  error,
  id,
  className,
  marksRequired,
  children,
}: FieldChrome & {
  id: string | undefined;
  className?: string;
  /** A star after the label (the text fields' way of saying it must be filled in). */
  marksRequired?: boolean;
  children(control: ControlProps): ReactNode;
}) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={controlId}>
        {label}
        {marksRequired ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children({
        id: controlId,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  id,
  className,
  ...input
}: FieldChrome & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className} marksRequired={input.required}>
      {(control) => <input {...control} className="input" {...input} />}
    </Field>
  );
}

/** A whole number typed in a field: kept as the text typed, so a half-typed value stays as it is. */
export function WholeNumberField(
  props: FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "inputMode" | "step">,
) {
  return <TextField type="number" inputMode="numeric" step={1} {...props} />;
}

export function TextAreaField({
  label,
  hint,
  error,
  id,
  ...input
}: FieldChrome & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) => <textarea {...control} className="textarea" {...input} />}
    </Field>
  );
}

export function SelectField({
  label,
  hint,
  error,
  id,
  children,
  className,
  ...select
}: FieldChrome & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => (
        <select {...control} className="select" {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** One item of a set being picked, labelled by `children`: ticking it adds the item, unticking takes it out. */
export function SetCheckbox<T>({
  item,
  picked,
  onChange,
  children,
}: {
  item: T;
  picked: ReadonlySet<T>;
  onChange(next: Set<T>): void;
  children: ReactNode;
}) {
  return (
    <label className="row">
      <input
        type="checkbox"
        className="checkbox"
        checked={picked.has(item)}
        onChange={(event) => {
          const next = new Set(picked);
          if (event.target.checked) next.add(item);
          else next.delete(item);
          onChange(next);
        }}
      />
      {children}
    </label>
  );
}

/** An on/off setting: a real checkbox (keyboard and screen readers) drawn as a switch. */
export function Switch({
  label,
  description,
  checked,
  onChange,
  name,
}: {
  label: string;
  description?: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  name?: string;
}) {
  const id = useId();
  return (
    <label className="switch" htmlFor={id}>
      <input
        id={id}
        name={name}
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        aria-describedby={description ? `${id}-desc` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span className="track" aria-hidden="true" />
      <span className="text">
        <strong>{label}</strong>
        {description ? (
          <span className="muted small" id={`${id}-desc`}>
            {description}
          </span>
        ) : null}
      </span>
    </label>
  );
}

/** The search box of a list whose search is kept in the URL's `q` (`useSearchState`). */
export function QuerySearch({
  label,
  placeholder,
  q,
  set,
}: {
  label: string;
  placeholder: string;
  q: string;
  set(change: { q: string }): void;
}) {
  return <SearchInput label={label} value={q} onChange={(value) => set({ q: value })} placeholder={placeholder} />;
}

export function SearchInput({
  label,
  value,
  onChange,
  placeholder,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div className="search">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <svg
        width="16"
        height="16"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <path d="M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.35-4.35" />
      </svg>
      <input
        id={id}
        className="input"
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** A form saved on submit (Enter in a field or its submit button) without a page load. */
function SubmitForm({ onSave, ...rest }: Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit"> & { onSave(): void }) {
  return (
    <form
      {...rest}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    />
  );
}

/** A card's form (its body), saved on submit. */
export function CardForm(
  props: Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "className"> & { onSave(): void },
) {
  return <SubmitForm className="card-body stack" {...props} />;
}

/**
 * A page's form saved by one button: Enter in a field or the button calls `onSave`, the button
 * waits while `saving`, and the refusal (`error`, already worded for the page) shows above it.
 * Without `canSave` (a reader's view) there is no button; `actions` stand beside it (Cancel).
 */
export function SaveForm({
  onSave,
  saving,
  error,
  errorTitle,
  submitLabel,
  canSave = true,
  actions,
  children,
}: {
  onSave(): void;
  saving: boolean;
  error: string | undefined;
  errorTitle: string;
  submitLabel: string;
  canSave?: boolean;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <SubmitForm className="stack" onSave={onSave}>
      {children}
      {error ? (
        <Alert tone="danger" title={errorTitle}>
          {error}
        </Alert>
      ) : null}
      {canSave ? (
        <SubmitRow label={submitLabel} saving={saving}>
          {actions}
        </SubmitRow>
      ) : null}
    </SubmitForm>
  );
}

/** A form's submit button, waiting while `saving`, with what stands beside it (`children`). */
export function SubmitRow({
  label,
  saving,
  icon,
  children,
}: {
  label: string;
  saving: boolean;
  icon?: IconName;
  children?: ReactNode;
}) {
  return (
    <div className="row">
      <Button type="submit" variant="primary" icon={icon} loading={saving}>
        {label}
      </Button>
      {children}
    </div>
  );
}
