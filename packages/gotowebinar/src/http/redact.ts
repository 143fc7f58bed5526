/** Names whose values never reach a log line: credentials, codes, signatures, cookies. */
const SECRET_NAME =
  /authorization|cookie|token|secret|password|passwd|signature|api[-_]?key|^code$|^pat$|verifier|assertion/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = isSecretName(name) ? "[redacted]" : value;
  return out;
}

export function redactQuery(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of params) out[name] = isSecretName(name) ? "[redacted]" : value;
  return out;
}
