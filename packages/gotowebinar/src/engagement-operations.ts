import type { ClientContext } from "./context";
import {
  listAttendeePollAnswers,
  listAttendeeQuestions,
  listAttendeeSurveyAnswers,
} from "./engagement/attendee-engagement";
import {
  getSession,
  getSessionPerformance,
  getWebinarPerformance,
  listSessionPolls,
  listSessionQuestions,
  listSessionSurveys,
  type SessionDetails,
} from "./engagement/session-engagement";
import type {
  GotoAttendeeQuestion,
  GotoPollAnswer,
  GotoPollResult,
  GotoSessionPerformance,
  WebinarPerformanceOptions,
} from "./types/engagement";
import type { AttendeeRef, SessionRef } from "./types/sessions";
import type {
  CoorganizerInput,
  CoorganizerRef,
  CopyWebinarOptions,
  GotoAudio,
  GotoCoorganizer,
  GotoPanelist,
  ListWebinarRecordingAssetsOptions,
  PanelistInput,
  PanelistRef,
  RecordingAssetList,
  SearchAccountRecordingAssetsOptions,
  SearchRecordingAssetsOptions,
  UpdateAudioOptions,
  WebinarRecordingAssetPage,
  WebinarScoped,
} from "./types/webinar-extras";
import { getAudio, updateAudio } from "./webinar-extras/audio";
import {
  createCoorganizers,
  deleteCoorganizer,
  listCoorganizers,
  resendCoorganizerInvitation,
} from "./webinar-extras/coorganizers";
import { createPanelists, deletePanelist, listPanelists, resendPanelistInvitation } from "./webinar-extras/panelists";
import {
  listWebinarRecordingAssets,
  searchAccountRecordingAssets,
  searchRecordingAssets,
} from "./webinar-extras/recording-assets";
import { copyWebinar, getStartUrl } from "./webinar-extras/start-and-copy";

/** Sessions' engagement (performance, polls, surveys, questions) and one attendee's. */
export interface EngagementOperations {
  getSession(options: SessionRef): Promise<SessionDetails>;
  getSessionPerformance(options: SessionRef): Promise<GotoSessionPerformance>;
  /** Every ended session's performance in one request, by sessionKey. */
  getWebinarPerformance(options: WebinarPerformanceOptions): Promise<Map<string, GotoSessionPerformance>>;
  listSessionPolls(options: SessionRef): Promise<GotoPollResult[]>;
  listSessionSurveys(options: SessionRef): Promise<GotoPollResult[]>;
  listSessionQuestions(options: SessionRef): Promise<GotoAttendeeQuestion[]>;
  listAttendeePollAnswers(options: AttendeeRef): Promise<GotoPollAnswer[]>;
  listAttendeeSurveyAnswers(options: AttendeeRef): Promise<GotoPollAnswer[]>;
  listAttendeeQuestions(options: AttendeeRef): Promise<GotoAttendeeQuestion[]>;
}

/** Panelists, co-organizers, audio, start URL, copy and recording assets. */
export interface WebinarExtrasOperations {
  listPanelists(options: WebinarScoped): Promise<GotoPanelist[]>;
  createPanelists(options: WebinarScoped & { panelists: PanelistInput[] }): Promise<GotoPanelist[]>;
  deletePanelist(options: PanelistRef): Promise<void>;
  resendPanelistInvitation(options: PanelistRef): Promise<void>;
  listCoorganizers(options: WebinarScoped): Promise<GotoCoorganizer[]>;
  createCoorganizers(options: WebinarScoped & { coorganizers: CoorganizerInput[] }): Promise<GotoCoorganizer[]>;
  deleteCoorganizer(options: CoorganizerRef): Promise<void>;
  resendCoorganizerInvitation(options: CoorganizerRef): Promise<void>;
  getAudio(options: WebinarScoped): Promise<GotoAudio>;
  updateAudio(options: UpdateAudioOptions): Promise<void>;
  getStartUrl(options: { webinarKey: string }): Promise<string>;
  copyWebinar(options: CopyWebinarOptions): Promise<{ webinarKey: string }>;
  listWebinarRecordingAssets(options: ListWebinarRecordingAssetsOptions): Promise<WebinarRecordingAssetPage>;
  searchRecordingAssets(options?: SearchRecordingAssetsOptions): Promise<RecordingAssetList>;
  searchAccountRecordingAssets(options: SearchAccountRecordingAssetsOptions): Promise<RecordingAssetList>;
}

export function engagementOperations(ctx: ClientContext): EngagementOperations & WebinarExtrasOperations {
  return {
    getSession: (o) => getSession(ctx, o),
    getSessionPerformance: (o) => getSessionPerformance(ctx, o),
    getWebinarPerformance: (o) => getWebinarPerformance(ctx, o),
    listSessionPolls: (o) => listSessionPolls(ctx, o),
    listSessionSurveys: (o) => listSessionSurveys(ctx, o),
    listSessionQuestions: (o) => listSessionQuestions(ctx, o),
    listAttendeePollAnswers: (o) => listAttendeePollAnswers(ctx, o),
    listAttendeeSurveyAnswers: (o) => listAttendeeSurveyAnswers(ctx, o),
    listAttendeeQuestions: (o) => listAttendeeQuestions(ctx, o),
    listPanelists: (o) => listPanelists(ctx, o),
    createPanelists: (o) => createPanelists(ctx, o),
    deletePanelist: (o) => deletePanelist(ctx, o),
    resendPanelistInvitation: (o) => resendPanelistInvitation(ctx, o),
    listCoorganizers: (o) => listCoorganizers(ctx, o),
    createCoorganizers: (o) => createCoorganizers(ctx, o),
    deleteCoorganizer: (o) => deleteCoorganizer(ctx, o),
    resendCoorganizerInvitation: (o) => resendCoorganizerInvitation(ctx, o),
    getAudio: (o) => getAudio(ctx, o),
    updateAudio: (o) => updateAudio(ctx, o),
    getStartUrl: (o) => getStartUrl(ctx, o),
    copyWebinar: (o) => copyWebinar(ctx, o),
    listWebinarRecordingAssets: (o) => listWebinarRecordingAssets(ctx, o),
    searchRecordingAssets: (o) => searchRecordingAssets(ctx, o),
    searchAccountRecordingAssets: (o) => searchAccountRecordingAssets(ctx, o),
  };
}
