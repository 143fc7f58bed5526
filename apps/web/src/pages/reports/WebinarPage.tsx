import { useParams } from "react-router-dom";
import { WebinarStatusBadge } from "../../components/Badge";
import { ButtonLink } from "../../components/Button";
import { Card, PageHeader } from "../../components/Layout";
import { QueryView } from "../../components/States";
import { NextSync, SyncNowButton } from "../../components/SyncNow";
import { formatDateTime, formatRelative, formatShortDateTime } from "../../lib/format";
import { useWebinar } from "./use-webinar";
import {
  AttendanceCard,
  DetailsCard,
  QuestionsCard,
  RegistrationsCard,
  SeriesCard,
  SessionsCard,
  WebinarFigures,
} from "./WebinarCards";
import { WebinarSourcesCard } from "./WebinarSources";

/** One webinar: its counts, registrations over time and attendance. */
export function WebinarPage() {
  const { id = "" } = useParams();
  const { detail, canSync } = useWebinar(id);

  if (detail.error || !detail.data) {
    return (
      <>
        <PageHeader
          title="Webinar"
          breadcrumbs={[{ label: "Reports" }, { label: "Webinars", to: "/reports/webinars" }]}
        />
        <Card>
          <QueryView query={detail} />
        </Card>
      </>
    );
  }

  const { webinar, sessions, registrationsPerDay, attendance, questions = [], program = null, sources } = detail.data;
  const drill = (segment: string) => `/reports/webinars/${webinar.id}/prospects?segment=${segment}`;

  return (
    <>
      <PageHeader
        title={webinar.subject}
        breadcrumbs={[
          { label: "Reports" },
          { label: "Webinars", to: webinar.finished ? "/reports/webinars?tab=finished" : "/reports/webinars" },
          { label: webinar.subject },
        ]}
        description={
          <span className="row">
            <WebinarStatusBadge status={webinar.status} />
            <span>{formatDateTime(webinar.startsAt)}</span>
            <span aria-hidden="true">·</span>
            <span>{webinar.connector.name}</span>
            <span aria-hidden="true">·</span>
            <span data-testid="webinar-sync">
              Synced{" "}
              {webinar.lastSyncedAt ? (
                <span title={formatShortDateTime(webinar.lastSyncedAt)}>{formatRelative(webinar.lastSyncedAt)}</span>
              ) : (
                "not yet"
              )}
              {webinar.status !== "CANCELLED" ? (
                <>
                  {" "}
                  · next <NextSync at={webinar.nextSyncAt} />
                </>
              ) : null}
            </span>
          </span>
        }
        actions={
          <>
            {canSync && webinar.status !== "CANCELLED" ? (
              <SyncNowButton
                path={`/api/webinars/${webinar.id}/sync`}
                name={webinar.subject}
                onQueued={detail.reload}
              />
            ) : null}
            <ButtonLink to={drill("registered")} variant="primary" icon="users">
              View registrants
            </ButtonLink>
          </>
        }
      />

      <WebinarFigures webinar={webinar} attendance={attendance} drill={drill} />

      <div className="grid-2">
        <RegistrationsCard webinar={webinar} points={registrationsPerDay} />
        <div className="stack" style={{ gap: 20 }}>
          <AttendanceCard webinar={webinar} attendance={attendance} />
          <DetailsCard webinar={webinar} />
        </div>
      </div>

      <WebinarSourcesCard webinarId={webinar.id} sources={sources} finished={webinar.finished} />

      {program ? <SeriesCard program={program} webinarId={webinar.id} /> : null}

      {sessions.length > 1 || sessions.some((s) => s.registrantsAttended !== null || s.performance) ? (
        <SessionsCard sessions={sessions} />
      ) : null}

      {questions.length > 0 ? <QuestionsCard questions={questions} /> : null}
    </>
  );
}
