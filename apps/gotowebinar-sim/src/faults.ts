import { randomUUID } from "node:crypto";

export const FAULT_TYPES = ["429", "500", "503", "slow", "drop", "invalid-token"] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export interface FaultSpec {
  /** Only this HTTP method (any when absent). */
  method?: string;
  /** Matches when the request path contains it, or when it matches as a regular expression. */
  path: string;
  type: FaultType;
  /** How many requests it hits before it is spent; default 1. */
  count?: number;
  /** Adds a Retry-After header (429/500/503). */
  retryAfterSeconds?: number;
  /** For "slow": how long to hold the request before handling it normally; default 3000. */
  delayMs?: number;
}

export interface Fault extends Required<Pick<FaultSpec, "path" | "type" | "count">> {
  id: string;
  method?: string;
  retryAfterSeconds?: number;
  delayMs: number;
  remaining: number;
}

export class FaultError extends Error {}

/** Faults injected through the control API, spent first-come-first-served. */
export class FaultRegistry {
  private faults: Array<Fault & { regex?: RegExp }> = [];
  private readonly sleepers = new Set<() => void>();

  add(spec: FaultSpec): Fault {
    if (!spec || typeof spec !== "object") throw new FaultError("body must be a JSON object");
    if (!FAULT_TYPES.includes(spec.type)) throw new FaultError(`type must be one of ${FAULT_TYPES.join(", ")}`);
    if (typeof spec.path !== "string" || spec.path === "") throw new FaultError("path is required");
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new FaultError("count must be a whole number >= 1");
    if (spec.retryAfterSeconds !== undefined && !(spec.retryAfterSeconds >= 0)) {
      throw new FaultError("retryAfterSeconds must be >= 0");
    }
    if (spec.delayMs !== undefined && !(spec.delayMs >= 0)) throw new FaultError("delayMs must be >= 0");
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(spec.path);
    } catch {
      regex = undefined;
    }
    const fault = {
      id: randomUUID(),
      method: spec.method?.toUpperCase(),
      path: spec.path,
      type: spec.type,
      count,
      retryAfterSeconds: spec.retryAfterSeconds,
      delayMs: spec.delayMs ?? 3000,
      remaining: count,
      regex,
    };
    this.faults.push(fault);
    return publicFault(fault);
  }

  /** The first live fault matching the request, spending one of its uses. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === undefined || f.method === method.toUpperCase()) &&
        (path.includes(f.path) || (f.regex?.test(path) ?? false)),
    );
    if (!fault) return undefined;
    fault.remaining--;
    return publicFault(fault);
  }

  list(): Fault[] {
    return this.faults.map(publicFault);
  }

  clear(): void {
    this.faults = [];
  }

  /** A delay that close() can cut short, so a slow fault never holds up shutdown. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }
}

function publicFault(fault: Fault & { regex?: RegExp }): Fault {
  const { regex: _regex, ...rest } = fault;
  return { ...rest };
}
