import { DomainError, type DomainErrorCode } from "../errors/index";

/** Why a verification did not complete; the short code goes into the browser's redirect. */
export type VerificationFailureReason =
  | "missing_state"
  | "invalid_state"
  | "state_used"
  | "state_expired"
  | "session_mismatch"
  | "connector_gone"
  | "access_denied"
  | "authorization_failed"
  | "code_rejected"
  | "identity_failed"
  | "organizer_taken"
  | "organizer_changed";

const CODES: Record<VerificationFailureReason, DomainErrorCode> = {
  missing_state: "VALIDATION",
  invalid_state: "VALIDATION",
  state_used: "CONFLICT",
  state_expired: "PRECONDITION",
  session_mismatch: "FORBIDDEN",
  connector_gone: "NOT_FOUND",
  access_denied: "FORBIDDEN",
  authorization_failed: "UPSTREAM",
  code_rejected: "UPSTREAM",
  identity_failed: "UPSTREAM",
  organizer_taken: "CONFLICT",
  organizer_changed: "CONFLICT",
};

export class VerificationFailure extends DomainError {
  constructor(
    readonly reason: VerificationFailureReason,
    message: string,
    readonly connectorId: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(CODES[reason], message, {}, options);
    this.name = "VerificationFailure";
  }
}
