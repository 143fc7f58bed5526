import type { Db } from "@gw/db";
import type { RegistrationFields } from "@gw/gotowebinar";
import { DomainError, notFound } from "../errors/index";
import type { LoadRegistrationFields } from "./prepare-form";

export interface GetWebinarQuestionsOptions {
  db: Db;
  accountId: string;
  webinarId: string;
  loadRegistrationFields: LoadRegistrationFields;
}

/** The webinar's registration form in GoTo, so the form editor can map custom questions. */
export async function getWebinarQuestions(options: GetWebinarQuestionsOptions): Promise<RegistrationFields> {
  const webinar = await options.db.webinar.findFirst({
    where: { id: options.webinarId, accountId: options.accountId },
    select: { subject: true, connectorId: true, webinarKey: true },
  });
  if (!webinar) throw notFound("Webinar", options.webinarId);
  try {
    return await options.loadRegistrationFields(webinar);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      "UPSTREAM",
      `Could not read the registration form of webinar "${webinar.subject}" from GoTo Webinar (${(error as Error).message}); try again in a moment`,
      { retryable: true },
      { cause: error },
    );
  }
}
