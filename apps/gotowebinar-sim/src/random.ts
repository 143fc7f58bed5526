/**
 * Seeded randomness so that a given seed and the same sequence of calls produce the same keys
 * and data (tests and demos can hard-code them). Secrets and tokens never come from here.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: tiny, fast and good enough for test data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /**
   * A 19-digit decimal below 2^63, like GoTo's int64 keys and always past 2^53: 10 leading
   * digits in 1e9..9e9, then 9 more. `approx` is the key as a (rounded) double, which a caller
   * can use as a cheap uniqueness filter: equal keys always have equal approximations.
   */
  key19(): { key: string; approx: number } {
    const high = 1e9 + this.int(8e9);
    const low = this.int(1e9);
    return { key: String(high) + String(1e9 + low).slice(1), approx: high * 1e9 + low };
  }

  digits(count: number): string {
    let s = String(1 + this.int(9));
    while (s.length < count) s += String(this.int(10));
    return s;
  }

  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16));
    hex[12] = "4";
    hex[16] = (8 + this.int(4)).toString(16);
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** A stable value in [0, 1) for the given parts, independent of call order (FNV-1a). */
export function hashUnit(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  const text = parts.join("|");
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}
