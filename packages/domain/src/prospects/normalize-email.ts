/** E-mails are stored trimmed and matched case-insensitively (the unique index is on lower(email)). */
export function normalizeEmail(email: string): string {
  return email.trim();
}

/** The key two e-mails are compared by. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
