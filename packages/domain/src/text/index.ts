// Text that can be stored: the one rule for strings at every boundary.

export { findUnsafeText, unsafeTextReason } from "./unsafe-text";
