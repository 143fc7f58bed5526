/** Attendee-facing links keep GoTo's real hosts: the product stores and shows them, never calls them. */
export function joinUrl(webinarKey: string, registrantKey: string): string {
  return `https://global.gotowebinar.com/join/${webinarKey}/${registrantKey}`;
}

export function registrationUrl(webinarKey: string): string {
  return `https://attendee.gotowebinar.com/register/${webinarKey}`;
}

export function startUrl(webinarKey: string): string {
  return `https://global.gotowebinar.com/start/${webinarKey}`;
}
