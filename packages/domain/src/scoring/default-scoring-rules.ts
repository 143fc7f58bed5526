import type { ActivityType } from "@gw/db";

/**
 * Points per activity type when an account has not set its own. Attending says the most about
 * interest, registering a fair amount; accepting (confirming) adds a little on top of
 * registering. A cancellation scores 0 by default rather than taking points away: the person
 * still showed interest once, and an account that disagrees can set a negative value.
 */
export const DEFAULT_SCORING_POINTS: Readonly<Record<ActivityType, number>> = Object.freeze({
  REGISTERED: 10,
  ACCEPTED: 5,
  ATTENDED: 25,
  CANCELLED: 0,
  // A no-show scores nothing by default; an account may take points away.
  ABSENT: 0,
  // How someone attended: ATTENDED already scores attendance, these add on top when set.
  ATTENDED_LIVE: 0,
  WATCHED_ON_DEMAND: 0,
  // Taking part says more than being there.
  ASKED_QUESTION: 10,
  ANSWERED_POLL: 5,
  ANSWERED_SURVEY: 5,
});

export const ACTIVITY_TYPES = Object.keys(DEFAULT_SCORING_POINTS) as ActivityType[];
