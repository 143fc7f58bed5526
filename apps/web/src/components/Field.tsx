import {
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { Button } from "./Button";
import { Alert } from "./States";

interface FieldChrome {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** Label, hint and error wired to the control with ids, so screen readers read all three. */
function useFieldIds(id: string | undefined, hint: unknown, error: unknown) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return { controlId, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

function Chrome({
  ids,
  hint,
  error,
  children,
}: {
  ids: ReturnType<typeof useFieldIds>;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <>
      {children}
      {hint ? (
        <span className="hint" id={ids.hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error" id={ids.errorId}>
          {error}
        </span>
      ) : null}
    </>
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
  const ids = useFieldIds(id, hint, error);
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={ids.controlId}>
        {label}
        {input.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <Chrome ids={ids} hint={hint} error={error}>
        <input
          id={ids.controlId}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          {...input}
        />
      </Chrome>
    </div>
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
  const ids = useFieldIds(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={ids.controlId}>{label}</label>
      <Chrome ids={ids} hint={hint} error={error}>
        <textarea
          id={ids.controlId}
          className="textarea"
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          {...input}
        />
      </Chrome>
    </div>
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
  const ids = useFieldIds(id, hint, error);
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={ids.controlId}>{label}</label>
      <Chrome ids={ids} hint={hint} error={error}>
        <select
          id={ids.controlId}
          className="select"
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          {...select}
        >
          {children}
        </select>
      </Chrome>
    </div>
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
        <div className="row">
          <Button type="submit" variant="primary" loading={saving}>
            {submitLabel}
          </Button>
          {actions}
        </div>
      ) : null}
    </SubmitForm>
  );
}
