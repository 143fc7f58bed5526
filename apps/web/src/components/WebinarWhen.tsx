import { formatDateTime, formatInZone } from "../lib/format";

/** The start in the viewer's zone; the webinar's own zone underneath when it differs. */
export function WebinarWhen({
  startsAt,
  timeZone,
  wrap,
}: {
  startsAt: string;
  timeZone: string | null;
  wrap?: boolean;
}) {
  const inZone = formatInZone(startsAt, timeZone);
  const nowrap = wrap ? "" : "nowrap";
  return (
    <div>
      <time dateTime={startsAt} className={nowrap || undefined}>
        {formatDateTime(startsAt)}
      </time>
      {inZone ? (
        <div className={`cell-sub ${nowrap}`}>{inZone}</div>
      ) : timeZone ? (
        <div className="cell-sub">{timeZone}</div>
      ) : null}
    </div>
  );
}
