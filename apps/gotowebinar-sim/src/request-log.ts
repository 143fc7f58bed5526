export type PathKind = "rest" | "oauth" | "identity" | "admin" | "other";

export interface RequestLogEntry {
  id: number;
  /** Wall-clock time the request arrived. */
  time: string;
  /** The sim clock at that moment. */
  simTime: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  /** 0 when a "drop" fault cut the connection. */
  status: number;
  durationMs: number;
  kind: PathKind;
  /** The route pattern, e.g. GET /G2W/rest/v2/organizers/:organizerKey/webinars. */
  route?: string;
  body?: unknown;
  clientId?: string;
  organizerKey?: string;
  fault?: string;
  rateLimited?: boolean;
}

export interface SimStats {
  total: number;
  byKind: Record<string, number>;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimited: number;
  faultsFired: number;
}

const MAX_ENTRIES = 10_000;
const REDACTED = ["client_secret", "code_verifier", "refresh_token", "code"];

export function pathKind(path: string): PathKind {
  if (path.startsWith("/G2W/")) return "rest";
  if (path.startsWith("/oauth/") || path.startsWith("/.well-known/")) return "oauth";
  if (path.startsWith("/identity/")) return "identity";
  if (path.startsWith("/admin/")) return "admin";
  return "other";
}

/** What reached the sim's GoTo-facing endpoints, for tests that assert on traffic. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextId = 1;
  private counters: SimStats = emptyStats();

  record(entry: Omit<RequestLogEntry, "id">): void {
    const full = { ...entry, id: this.nextId++, body: redact(entry.body) };
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    const c = this.counters;
    c.total++;
    c.byKind[entry.kind] = (c.byKind[entry.kind] ?? 0) + 1;
    const route = entry.route ?? `${entry.method} (unrouted)`;
    c.byRoute[route] = (c.byRoute[route] ?? 0) + 1;
    c.byStatus[String(entry.status)] = (c.byStatus[String(entry.status)] ?? 0) + 1;
    if (entry.rateLimited) c.rateLimited++;
    if (entry.fault) c.faultsFired++;
  }

  /** `since` is an entry id (exclusive) or an ISO time (inclusive, wall clock). */
  list(since?: string): RequestLogEntry[] {
    if (!since) return [...this.entries];
    if (/^\d+$/.test(since)) return this.entries.filter((e) => e.id > Number(since));
    const from = Date.parse(since);
    return Number.isNaN(from) ? [...this.entries] : this.entries.filter((e) => Date.parse(e.time) >= from);
  }

  stats(): SimStats {
    return structuredClone(this.counters);
  }

  clear(): void {
    this.entries = [];
    this.counters = emptyStats();
  }
}

function emptyStats(): SimStats {
  return { total: 0, byKind: {}, byRoute: {}, byStatus: {}, rateLimited: 0, faultsFired: 0 };
}

function redact(body: unknown): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const name of REDACTED) if (name in copy) copy[name] = "[redacted]";
  return copy;
}
