import type { PageInfo } from "../http/paging";
import type { GotoKey, OrganizerScoped, TimeRange } from "./common";

export interface WebinarScoped extends OrganizerScoped {
  webinarKey: GotoKey;
}

export interface GotoPanelist {
  panelistKey: GotoKey;
  name: string;
  email: string;
  joinLink?: string;
}

export interface PanelistInput {
  name: string;
  email: string;
}

export interface GotoCoorganizer {
  /** The co-organizer's organizer key; a new member key for external co-organizers. */
  memberKey: GotoKey;
  email: string;
  givenName?: string;
  /** Not returned for external co-organizers. */
  surname?: string;
  external: boolean;
  joinLink?: string;
}

/** An internal co-organizer is named by organizerKey, an external one by givenName and email. */
export type CoorganizerInput =
  | { external: false; organizerKey: GotoKey }
  | { external: true; givenName: string; email: string };

export interface CoorganizerRef extends WebinarScoped {
  coorganizerKey: GotoKey;
  /** Whether the co-organizer is external (GoTo asks for it on delete and resend). */
  external: boolean;
}

export interface PanelistRef extends WebinarScoped {
  panelistKey: GotoKey;
}

export type AudioType = "PSTN" | "VOIP" | "Hybrid" | "Private";

export interface GotoAudio {
  type: AudioType | string;
  /** Per country: toll, tollFree and access codes (absent for Private). */
  confCallNumbers?: Record<
    string,
    { toll?: string; tollFree?: string; accessCodes?: { organizer?: string; panelist?: string; attendee?: string } }
  >;
  privateInfo?: { attendee?: string; organizer?: string; panelist?: string };
}

export interface UpdateAudioOptions extends WebinarScoped {
  type: AudioType;
  pstnInfo?: { tollFreeCountries?: string[]; tollCountries?: string[] };
  privateInfo?: { attendee: string; organizer?: string; panelist?: string };
}

export interface CopyWebinarOptions {
  webinarKey: GotoKey;
  subject?: string;
  description?: string;
  type?: "single_session" | "series" | "sequence";
  times?: TimeRange[];
  timeZone?: string;
  locale?: string;
  isOndemand?: boolean;
  recordingAssetKey?: string;
}

export interface GotoRecordingAsset {
  recordingAssetKey: GotoKey;
  name: string;
  productName?: string;
  createTime?: string;
  creatorKey?: GotoKey;
  accountKey?: GotoKey;
  totalReferenceCount?: number;
  mp4DownloadUrl?: string;
  transcriptDownloadUrl?: string;
  recordingShareUrl?: string;
  webinarKey?: GotoKey;
}

export interface ListWebinarRecordingAssetsOptions {
  webinarKey: GotoKey;
  page?: number;
  limit?: number;
}

export interface WebinarRecordingAssetPage {
  assets: GotoRecordingAsset[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SearchRecordingAssetsOptions {
  /** The account to search (the client's accountKey by default). */
  accountKey?: GotoKey;
  name?: string;
  sortField?: "CREATETIME" | "NAME";
  sortOrder?: "DESC" | "ASC";
  /** Extra fields to include: recordingShareUrl, webinarKey. */
  includes?: ("recordingShareUrl" | "webinarKey")[];
  page?: number;
  size?: number;
  fetchAll?: boolean;
}

/** Admin search over an account: by organizer, optionally in a time range. */
export interface SearchAccountRecordingAssetsOptions extends Omit<SearchRecordingAssetsOptions, "accountKey"> {
  accountKey?: GotoKey;
  organizerKey: GotoKey;
  fromTime?: Date | string;
  toTime?: Date | string;
}

export interface RecordingAssetList {
  assets: GotoRecordingAsset[];
  page: PageInfo;
}
