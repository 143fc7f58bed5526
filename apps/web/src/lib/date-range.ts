// The report's date presets, as calendar days in the viewer's zone (the API cuts days in the zone it is sent).

export type RangePreset = "last30" | "last90" | "thisYear";

export const RANGE_PRESETS: { key: RangePreset; label: string }[] = [
  { key: "last30", label: "Last 30 days" },
  { key: "last90", label: "Last 90 days" },
  { key: "thisYear", label: "This year" },
];

/** YYYY-MM-DD of a local date. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function presetRange(preset: RangePreset, today = new Date()): { from: string; to: string } {
  if (preset === "thisYear") return { from: `${today.getFullYear()}-01-01`, to: `${today.getFullYear()}-12-31` };
  const days = preset === "last30" ? 30 : 90;
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: localDay(from), to: localDay(today) };
}

/** The preset a range is, if it is one (so its button shows pressed). */
export function presetOf(range: { from: string; to: string }, today = new Date()): RangePreset | null {
  return (
    RANGE_PRESETS.find(({ key }) => {
      const r = presetRange(key, today);
      return r.from === range.from && r.to === range.to;
    })?.key ?? null
  );
}
