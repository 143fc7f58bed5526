import { useId, useState } from "react";
import { Button } from "./Button";
import { Alert } from "./States";

/**
 * A secret the API hands out once (an API token, a signing secret): shown in full with a copy
 * button and the warning that it will not be shown again. The parent forgets it on dismiss.
 */
export function OneTimeSecret({
  label,
  value,
  children,
  onDismiss,
}: {
  label: string;
  value: string;
  children?: React.ReactNode;
  onDismiss(): void;
}) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="warning" title={`Copy the ${label.toLowerCase()} now: it is not shown again`}>
      <div className="stack" style={{ gap: 8 }}>
        {children}
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <div className="row secret-row">
          <input id={id} className="input mono" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
          <Button
            size="sm"
            icon={copied ? "check" : "copy"}
            onClick={async () => {
              await navigator.clipboard.writeText(value);
              setCopied(true);
            }}
          >
            {copied ? "Copied" : `Copy ${label.toLowerCase()}`}
          </Button>
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            Done
          </Button>
        </div>
      </div>
    </Alert>
  );
}
