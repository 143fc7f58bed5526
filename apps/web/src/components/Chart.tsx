import type { ReactNode } from "react";
import { formatDay } from "../lib/format";

export interface DayPoint {
  date: string;
  count: number;
}

const W = 720;
const H = 240;
const PAD = { top: 16, right: 48, bottom: 30, left: 40 };
const INNER_H = H - PAD.top - PAD.bottom;
/** The y of the x axis: every bar stands on it. */
const BASE = PAD.top + INNER_H;

/** The width of each of `count` points' slots side by side, and the x of a point's middle. */
export function slots(count: number) {
  const slot = (W - PAD.left - PAD.right) / Math.max(1, count);
  return { slot, x: (i: number) => PAD.left + slot * i + slot / 2 };
}

/** The y of a value on an axis from 0 to `max`. */
export const yScale = (max: number) => (v: number) => BASE - (v / max) * INNER_H;

/**
 * A chart's SVG, its grid and its axes' numbers: the left axis's at each fifth of `max` (a
 * `niceMax`, so they are round), the right axis's at 0, half and full, as `right` places and words them.
 */
export function ChartSvg({
  label,
  max,
  right,
  children,
}: {
  label: string;
  max: number;
  right: { y(fraction: number): number; label(fraction: number): string };
  children: ReactNode;
}) {
  const y = yScale(max);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <g className="grid">
        {[0, 0.2, 0.4, 0.6, 0.8, 1].map((fraction) => {
          const tick = Math.round(max * fraction);
          return (
            <g key={tick}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} />
              <text x={PAD.left - 8} y={y(tick) + 4} textAnchor="end">
                {tick}
              </text>
            </g>
          );
        })}
        {[0, 0.5, 1].map((fraction) => (
          <text key={fraction} x={W - PAD.right + 8} y={right.y(fraction) + 4}>
            {right.label(fraction)}
          </text>
        ))}
      </g>
      {children}
    </svg>
  );
}

/** One bar from the x axis up to `top`, its value told on hover. */
export function Bar({
  x,
  width,
  top,
  fill,
  title,
}: {
  x: number;
  width: number;
  top: number;
  fill: string;
  title: string;
}) {
  return (
    <rect x={x} y={top} width={width} height={Math.max(0, BASE - top)} rx={2} fill={fill}>
      <title>{title}</title>
    </rect>
  );
}

export function niceMax(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value / 5));
  // Five whole steps of 1, 2 or 5 × a power of ten: the grid lines land on round numbers.
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => value <= s * 5) ?? magnitude * 10;
  return step * 5;
}

/**
 * Registrations per day as bars with the running total as a line (right axis). An SVG with a
 * text alternative: the same numbers as a table for screen readers.
 */
/** Every calendar day from the first to the last, zero where nobody registered (at most a year). */
export function fillDays(points: DayPoint[]): DayPoint[] {
  if (points.length < 2) return points;
  const counts = new Map(points.map((p) => [p.date.slice(0, 10), p.count]));
  const sorted = [...counts.keys()].sort();
  const first = Date.parse(`${sorted[0]}T00:00:00Z`);
  const last = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`);
  const days = Math.min(366, Math.round((last - first) / 86_400_000) + 1);
  return Array.from({ length: days }, (_, i) => {
    const date = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
    return { date, count: counts.get(date) ?? 0 };
  });
}

export function RegistrationsChart({ points: raw, title }: { points: DayPoint[]; title: string }) {
  const points = fillDays(raw);
  const max = niceMax(Math.max(1, ...points.map((p) => p.count)));
  let running = 0;
  const cumulative = points.map((p) => (running += p.count));
  const maxTotal = niceMax(Math.max(1, running));
  const { slot, x } = slots(points.length);
  const barW = Math.max(2, Math.min(28, slot * 0.7));
  const y = yScale(max);
  const y2 = yScale(maxTotal);
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const line = cumulative.map((v, i) => `${i === 0 ? "M" : "L"}${x(i)},${y2(v)}`).join(" ");

  return (
    <figure style={{ margin: 0 }}>
      <ChartSvg
        label={`${title}: ${running} registrations over ${points.length} days`}
        max={max}
        right={{ y: (t) => y2(maxTotal * t), label: (t) => String(Math.round(maxTotal * t)) }}
      >
        {points.map((p, i) => (
          <Bar
            key={p.date}
            x={x(i) - barW / 2}
            width={barW}
            top={y(p.count)}
            fill="var(--chart-1)"
            title={`${formatDay(p.date)}: ${p.count}`}
          />
        ))}
        {points.length > 1 ? <path d={line} fill="none" stroke="var(--chart-3)" strokeWidth={2.5} /> : null}
        <AxisLabels points={points} every={labelEvery} x={x} keyOf={(p) => p.date} label={(p) => formatDay(p.date)} />
      </ChartSvg>
      <ChartLegend
        items={[
          ["var(--chart-1)", "Registrations per day (left axis)"],
          ["var(--chart-3)", "Total registered (right axis)"],
        ]}
      />
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Registrations</th>
            <th scope="col">Running total</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={p.date}>
              <td>{formatDay(p.date)}</td>
              <td>{p.count}</td>
              <td>{cumulative[i]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Attended vs absent as one stacked bar with a legend that carries the numbers. */
export function AttendanceMeter({ attended, absent }: { attended: number; absent: number }) {
  const total = attended + absent;
  const pct = total ? Math.round((attended / total) * 100) : 0;
  return (
    <div className="stack" style={{ gap: 10 }}>
      <div className="meter" role="img" aria-label={`${attended} attended and ${absent} absent: ${pct}% attendance`}>
        <span style={{ width: `${total ? (attended / total) * 100 : 0}%`, background: "var(--chart-2)" }} />
        <span style={{ width: `${total ? (absent / total) * 100 : 0}%`, background: "#f0b27a" }} />
      </div>
      <div className="legend" aria-hidden="true">
        <LegendItems
          items={[
            ["var(--chart-2)", `Attended ${attended.toLocaleString()}`],
            ["#f0b27a", `Absent ${absent.toLocaleString()}`],
          ]}
        />
        <span>{pct}% attendance</span>
      </div>
    </div>
  );
}

/** The labels under a chart's x axis: every `every`-th point's, since all of them would overlap. */
export function AxisLabels<T>({
  points,
  every,
  x,
  keyOf,
  label,
}: {
  points: T[];
  every: number;
  x(index: number): number;
  keyOf(point: T): string;
  label(point: T): string;
}) {
  return (
    <>
      {points.map((p, i) =>
        i % every === 0 ? (
          <text key={keyOf(p)} x={x(i)} y={H - 10} textAnchor="middle">
            {label(p)}
          </text>
        ) : null,
      )}
    </>
  );
}

/** A chart's legend as its figure's caption. */
export function ChartLegend({ items }: { items: [color: string, label: string][] }) {
  return (
    <figcaption className="legend">
      <LegendItems items={items} />
    </figcaption>
  );
}

/** A chart legend's entries: a swatch of each series' colour and what it shows. */
export function LegendItems({ items }: { items: [color: string, label: string][] }) {
  return (
    <>
      {items.map(([color, label]) => (
        <span key={label}>
          <i style={{ background: color }} />
          {label}
        </span>
      ))}
    </>
  );
}
