import type { Db } from "@gw/db";
import type { RegistrationFields } from "@gw/gotowebinar";
import { notFound } from "../errors/index";
import { type LoadRegistrationFields, loadRegistrationForm } from "./prepare-form";

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
  return loadRegistrationForm(options.loadRegistrationFields, webinar);
}
