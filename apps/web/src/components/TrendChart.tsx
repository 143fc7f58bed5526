import type { AttendanceTrend } from "@gw/api-contract";
import { formatNumber, formatPercent, formatShortDateTime } from "../lib/format";
import { AxisLabels, Bar, ChartLegend, ChartSvg, niceMax, slots, yScale } from "./Chart";
import { type Column, DataTable, figureColumn } from "./DataTable";

type Point = AttendanceTrend["items"][number];

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
  const { slot, x } = slots(points.length);
  const barW = Math.max(2, Math.min(18, slot * 0.35));
  const y = yScale(max);
  const yRate = yScale(1);
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const rated = points.map((p, i) => ({ p, i })).filter(({ p }) => p.attendanceRate !== null);
  const line = rated.map(({ p, i }, n) => `${n === 0 ? "M" : "L"}${x(i)},${yRate(p.attendanceRate ?? 0)}`).join(" ");
  const registered = points.reduce((sum, p) => sum + p.registered, 0);
  const attended = points.reduce((sum, p) => sum + p.attended, 0);

  return (
    <figure style={{ margin: 0 }}>
      <ChartSvg
        label={`${title}: ${points.length} webinars, ${formatNumber(attended)} of ${formatNumber(registered)} registrants attended (${formatPercent(registered ? attended / registered : null)})`}
        max={max}
        right={{ y: yRate, label: (t) => `${t * 100}%` }}
      >
        {points.map((p, i) => (
          <g key={p.id}>
            <Bar
              x={x(i) - barW}
              width={barW}
              top={y(p.registered)}
              fill="var(--chart-1)"
              title={`${p.subject}: ${p.registered} registered`}
            />
            <Bar
              x={x(i)}
              width={barW}
              top={y(p.attended)}
              fill="var(--chart-2)"
              title={`${p.subject}: ${p.attended} attended`}
            />
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
      </ChartSvg>
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
