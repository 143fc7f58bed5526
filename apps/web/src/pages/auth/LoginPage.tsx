import { type FormEvent, useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { type ApiError, errorMessage, fieldMessage } from "../../api/client";
import { useAuth } from "../../auth/AuthProvider";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Alert } from "../../components/States";
import { safeNext } from "../../lib/safe-next";

/** The two fields, alike but for their names and what the browser may fill in. */
const FIELDS = [
  { name: "email", label: "E-mail", type: "email", autoComplete: "username" },
  { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
] as const;

export function LoginPage({ expired }: { expired?: boolean }) {
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState({ email: "", password: "" });
  const { email, password } = values;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error>();
  // Said before asking the API, in the words a person expects rather than a validation path.
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = {
      email: email.trim() ? undefined : "Enter your e-mail address",
      password: password ? undefined : "Enter your password",
    };
    setMissing(blank);
    if (blank.email || blank.password) {
      setError(undefined);
      const field = (event.currentTarget as HTMLFormElement).elements.namedItem(blank.email ? "email" : "password");
      if (field instanceof HTMLInputElement) field.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await login(email.trim(), password);
      const next = new URLSearchParams(location.search).get("next");
      const target = safeNext(next);
      // Server-rendered pages (the queue dashboard) need a real navigation, not a client route.
      if (target.startsWith("/admin/queues")) window.location.assign(target);
      else navigate(target, { replace: true });
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(errorMessage(caught)));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: "email" | "password") => missing[name] ?? fieldMessage(error, name);

  return (
    <div className="auth-page">
      <main className="auth-card" aria-labelledby="login-title">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" style={{ color: "#fff" }}>
            <Icon name="video" size={16} />
          </span>
          Webinar Sync
        </span>
        <div className="stack" style={{ gap: 6 }}>
          <h1 id="login-title">Log in</h1>
          <p className="muted">Your GoTo Webinar registrations, attendance and reports in one place.</p>
        </div>
        {expired && !error ? <Alert tone="info">Your session ended. Log in again to continue.</Alert> : null}
        {error ? (
          <Alert tone="danger" title="Could not log in">
            {error.message}
          </Alert>
        ) : null}
        <form className="stack" onSubmit={submit} noValidate>
          {FIELDS.map((field) => (
            <TextField
              key={field.name}
              {...field}
              required
              value={values[field.name]}
              onChange={(event) => {
                // From the latest values, not this render's: two changes may come before the next render.
                const value = event.target.value;
                setValues((current) => ({ ...current, [field.name]: value }));
              }}
              error={fieldError(field.name)}
              autoFocus={field.name === "email"}
            />
          ))}
          <Button type="submit" variant="primary" loading={busy} style={{ width: "100%", height: 38 }}>
            Log in
          </Button>
        </form>
        <p className="muted small">
          No account yet? An operator creates the first admin with <code>npm run user:create</code>.
        </p>
      </main>
    </div>
  );
}
