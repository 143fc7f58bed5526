export { awardAttendancePoints } from "./award-attendance-points";
export { type EngagementClient, type FetchedEngagement, fetchEngagement } from "./fetch-engagement";
export { linkWebinarPrograms } from "./link-webinar-programs";
export { listAbsentActivities } from "./record-absentees";
export { type RecordEngagementResult, recordEngagement } from "./record-engagement";
