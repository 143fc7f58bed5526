/**
 * The sim's own time. Everything time-dependent (token expiry, "has this session ended",
 * past-start validation) reads this, never Date.now(), so tests can jump over an hour or a week.
 */
export class SimClock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  constructor(initial?: Date, frozen = false) {
    // Frozen at `initial` itself: setting an offset and then freezing read the wall clock twice,
    // and a millisecond passing in between froze it 1 ms late (a test comparing its own start
    // time with the stand-in's failed now and then, under load).
    if (frozen) this.frozenAt = initial?.getTime() ?? Date.now();
    else if (initial) this.set(initial.getTime());
  }

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  nowDate(): Date {
    return new Date(this.now());
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  set(epochMs: number): void {
    if (this.frozenAt !== null) this.frozenAt = epochMs;
    else this.offsetMs = epochMs - Date.now();
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  freeze(frozen: boolean): void {
    if (frozen && this.frozenAt === null) this.frozenAt = this.now();
    if (!frozen && this.frozenAt !== null) {
      this.offsetMs = this.frozenAt - Date.now();
      this.frozenAt = null;
    }
  }
}
