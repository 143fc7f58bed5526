/**
 * Why a webinar can no longer take registrations, or null when it can. One rule for the form
 * editor's picker, the form save and the push job, so they never disagree.
 */
export function webinarClosedReason(
  webinar: { status: string; startsAt: Date; endsAt: Date; cancelledAt?: Date | null },
  now: Date,
): string | null {
  if (webinar.status === "CANCELLED" || webinar.cancelledAt) return "the webinar has been cancelled";
  if (webinar.status === "ENDED" || webinar.endsAt.getTime() <= now.getTime()) return "the webinar has ended";
  if (webinar.status === "LIVE" || webinar.startsAt.getTime() <= now.getTime()) return "the webinar has started";
  return null;
}
