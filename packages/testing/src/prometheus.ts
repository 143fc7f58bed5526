/**
 * The sum of every sample of `name` in a Prometheus text exposition whose labels include
 * `labels` (0 when none matches): what a test reads before and after the work it measures.
 */
export function sumSamples(exposition: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of exposition.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[3] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]] as const),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) sum += Number(match[4]);
  }
  return sum;
}

/** Whether the exposition has a sample of `name` with these labels at all. */
export function hasSample(exposition: string, name: string, labels: Record<string, string> = {}): boolean {
  const pattern = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return exposition
    .split("\n")
    .some(
      (line) => (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) && pattern.every((p) => line.includes(p)),
    );
}
