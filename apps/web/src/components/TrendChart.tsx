import type { AttendanceTrend } from "@gw/api-contract";
import { formatNumber, formatPercent, formatShortDateTime } from "../lib/format";
import { AxisLabels, ChartLegend, niceMax } from "./Chart";
import { type Column, DataTable, figureColumn } from "./DataTable";

type Point = AttendanceTrend["items"][number];

const W = 720;
const H = 240;
const PAD = { top: 16, right: 48, bottom: 30, left: 40 };
const shortDay = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
const TABLE_COLUMNS: Column<Point>[] = [
  { key: "webinar", header: "Webinar", render: (p) => p.subject },
  { key: "date", header: "Date", render: (p) => <span className="nowrap">{formatShortDateTime(p.startsAt)}</span> },
  figureColumn("registered", "Registered", (p) => formatNumber(p.registered)),
  figureColumn("attended", "Attended", (p) => formatNumber(p.attended)),
  figureColumn("absent", "Absent", (p) => formatNumber(p.absent)),
  figureColumn("rate", "Attendance rate", (p) => formatPercent(p.attendanceRate)),
];

/**
 * Attendance across webinars, oldest first: registered and attended as paired bars (left axis)
 * and the attendance rate as a line (right axis, 0-100 %). The same numbers are in the table
 * that follows, for everyone who would rather read than look.
 */
export function AttendanceTrendChart({ points, title }: { points: Point[]; title: string }) {
  const max = niceMax(Math.max(1, ...points.map((p) => p.registered)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, points.length);
  const barW = Math.max(2, Math.min(18, slot * 0.35));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const yRate = (rate: number) => PAD.top + innerH - rate * innerH;
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const rated = points.map((p, i) => ({ p, i })).filter(({ p }) => p.attendanceRate !== null);
  const line = rated.map(({ p, i }, n) => `${n === 0 ? "M" : "L"}${x(i)},${yRate(p.attendanceRate ?? 0)}`).join(" ");
  const registered = points.reduce((sum, p) => sum + p.registered, 0);
  const attended = points.reduce((sum, p) => sum + p.attended, 0);

  return (
    <figure style={{ margin: 0 }}>
      <svg
        className="chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${title}: ${points.length} webinars, ${formatNumber(attended)} of ${formatNumber(registered)} registrants attended (${formatPercent(registered ? attended / registered : null)})`}
      >
        <g className="grid">
          {[0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(max * t)} y2={y(max * t)} />
              <text x={PAD.left - 8} y={y(max * t) + 4} textAnchor="end">
                {Math.round(max * t)}
              </text>
            </g>
          ))}
          {[0, 0.5, 1].map((t) => (
            <text key={t} x={W - PAD.right + 8} y={yRate(t) + 4}>
              {`${t * 100}%`}
            </text>
          ))}
        </g>
        {points.map((p, i) => (
          <g key={p.id}>
            <rect
              x={x(i) - barW}
              y={y(p.registered)}
              width={barW}
              height={PAD.top + innerH - y(p.registered)}
              rx={2}
              fill="var(--chart-1)"
            >
              <title>{`${p.subject}: ${p.registered} registered`}</title>
            </rect>
            <rect
              x={x(i)}
              y={y(p.attended)}
              width={barW}
              height={PAD.top + innerH - y(p.attended)}
              rx={2}
              fill="var(--chart-2)"
            >
              <title>{`${p.subject}: ${p.attended} attended`}</title>
            </rect>
          </g>
        ))}
        {rated.length > 1 ? <path d={line} fill="none" stroke="var(--chart-3)" strokeWidth={2.5} /> : null}
        {rated.map(({ p, i }) => (
          <circle key={p.id} cx={x(i)} cy={yRate(p.attendanceRate ?? 0)} r={3.5} fill="var(--chart-3)">
            <title>{`${p.subject}: ${formatPercent(p.attendanceRate)} attendance`}</title>
          </circle>
        ))}
        <AxisLabels
          points={points}
          every={labelEvery}
          x={x}
          keyOf={(p) => p.id}
          label={(p) => shortDay.format(new Date(p.startsAt))}
        />
      </svg>
      <ChartLegend
        items={[
          ["var(--chart-1)", "Registered (left axis)"],
          ["var(--chart-2)", "Attended (left axis)"],
          ["var(--chart-3)", "Attendance rate (right axis)"],
        ]}
      />
      <details className="chart-table">
        <summary>Show the numbers as a table</summary>
        <DataTable caption={title} columns={TABLE_COLUMNS} rows={points} rowKey={(p) => p.id} />
      </details>
    </figure>
  );
}
