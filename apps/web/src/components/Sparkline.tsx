const W = 320;
const H = 56;
const PAD = 4;

/**
 * A count over time as a small line, for trends rather than reading values: the caller shows the
 * numbers themselves (the label says first and last for screen readers).
 */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  if (values.length === 0) return null;
  const max = Math.max(1, ...values);
  const min = Math.min(...values);
  const span = Math.max(1, max - min);
  const step = values.length > 1 ? (W - 2 * PAD) / (values.length - 1) : 0;
  const y = (v: number) => H - PAD - ((v - min) / span) * (H - 2 * PAD);
  const points = values.map((v, i) => `${PAD + step * i},${y(v)}`);
  const line =
    values.length > 1 ? `M${points.join(" L")}` : `M${PAD},${y(values[0] ?? 0)} L${W - PAD},${y(values[0] ?? 0)}`;
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="none">
      <path d={line} fill="none" stroke="var(--chart-1)" strokeWidth={2} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
