import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { errorMessage } from "../api/client";
import { Button } from "./Button";
import { Alert } from "./States";

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape, makes the rest of
 * the page inert and returns focus to whatever opened it.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  wide,
  onSubmit,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** Makes the dialog a form: Enter submits. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const inner = (
    <>
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        {description ? (
          <p className="muted" id={descId}>
            {description}
          </p>
        ) : null}
      </div>
      {children ? <div className="dialog-body">{children}</div> : null}
      {footer ? <div className="dialog-footer">{footer}</div> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`dialog ${wide ? "dialog-wide" : ""}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => open && onClose()}
    >
      {open ? (
        onSubmit ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              onSubmit(event);
            }}
          >
            {inner}
          </form>
        ) : (
          <div className="dialog-inner">{inner}</div>
        )
      ) : null}
    </dialog>
  );
}

/**
 * A dialog that is a form with Cancel and one submit button. While `submit` runs both buttons
 * wait and the dialog does not close; what it throws goes to `onError` (the caller shows it
 * where it belongs: at a field or in an alert).
 */
export function FormDialog({
  open,
  onClose,
  title,
  description,
  wide,
  submitLabel,
  tone = "primary",
  autoFocusSubmit,
  submit,
  onError,
  children,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  description?: ReactNode;
  wide?: boolean;
  submitLabel: string;
  tone?: "danger" | "primary";
  /** Focus the submit button on open (a confirmation has no field to start in). */
  autoFocusSubmit?: boolean;
  submit(): Promise<void>;
  onError(error: unknown): void;
  children?: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={open}
      onClose={() => !busy && onClose()}
      title={title}
      description={description}
      wide={wide}
      onSubmit={async () => {
        setBusy(true);
        try {
          await submit();
        } catch (caught) {
          onError(caught);
        } finally {
          setBusy(false);
        }
      }}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant={tone} loading={busy} autoFocus={autoFocusSubmit}>
            {submitLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}

/** "Are you sure?" for destructive actions; shows the API's refusal in place if it fails. */
export function ConfirmDialog({
  open,
  onClose,
  title,
  message,
  confirmLabel,
  onConfirm,
  tone = "danger",
}: {
  open: boolean;
  onClose(): void;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  tone?: "danger" | "primary";
}) {
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (open) setError(undefined);
  }, [open]);
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={title}
      description={message}
      submitLabel={confirmLabel}
      tone={tone}
      autoFocusSubmit
      submit={async () => {
        setError(undefined);
        await onConfirm();
        onClose();
      }}
      onError={(caught) => setError(errorMessage(caught))}
    >
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </FormDialog>
  );
}
