import { type PgQueryDb, pgQuery, pgTransaction } from "@gw/db";
import { type GotoClient, GotoNotFoundError } from "@gw/gotowebinar";
import { DomainError, notFound } from "../errors/index";
import { recordChangeEvents } from "../events/record-change-event";
import { erasedEmailHash } from "./erased-email-hash";

export interface EraseProspectOptions {
  /** A client made by createDb: the erasure is one pgTransaction. */
  db: PgQueryDb;
  accountId: string;
  prospectId: string;
  /** A GoTo client for a connector (deletes the person's upcoming registrations in GoTo). */
  gotoClientFor: (connectorId: string) => Promise<Pick<GotoClient, "deleteRegistrant">>;
  now?: Date;
}

export interface EraseProspectResult {
  erasedAt: Date;
  /** Upcoming GoTo registrations deleted. */
  registrantsDeleted: number;
}

interface UpcomingRegistration {
  connectorId: string;
  organizerKey: string | null;
  webinarKey: string;
  registrantKey: string;
}

/**
 * Erases a person (GDPR): their upcoming GoTo registrations are deleted in GoTo first (so a
 * failure there erases nothing and the erasure can be run again), then, in one transaction,
 * every personal field of the prospect and of records merged into it is removed, their form
 * submissions, registration payloads, activity details, stored GoTo webhook payloads and queued
 * outbound events are emptied, a hash of each e-mail is kept so a later poll of a past webinar
 * does not re-create them, and a `prospect.erased` event goes out. Counts and scores stay.
 */
export async function eraseProspect(options: EraseProspectOptions): Promise<EraseProspectResult> {
  const { db, accountId, prospectId } = options;
  const now = options.now ?? new Date();
  const people = await pgQuery<{ id: string; email: string; erasedAt: Date | null }>(
    db,
    `SELECT "id", "email", "erasedAt" FROM "Prospect"
     WHERE "accountId" = $1::uuid AND ("id" = $2::uuid OR "mergedIntoId" = $2::uuid)`,
    [accountId, prospectId],
  );
  const self = people.find((p) => p.id === prospectId);
  if (!self) throw notFound("Prospect", prospectId);
  const ids = people.map((p) => p.id);

  const upcoming = await pgQuery<UpcomingRegistration>(
    db,
    `SELECT w."connectorId", c."organizerKey", w."webinarKey", r."registrantKey"
     FROM "WebinarRegistration" r JOIN "Webinar" w ON w."id" = r."webinarId" JOIN "Connector" c ON c."id" = w."connectorId"
     WHERE r."prospectId" = ANY($1::uuid[]) AND r."registrantKey" IS NOT NULL AND r."status" <> 'CANCELLED'
       AND w."endsAt" > $2 AND w."status" <> 'CANCELLED'`,
    [ids, now],
  );
  let registrantsDeleted = 0;
  for (const registration of upcoming) {
    try {
      const client = await options.gotoClientFor(registration.connectorId);
      await client.deleteRegistrant({
        ...(registration.organizerKey ? { organizerKey: registration.organizerKey } : {}),
        webinarKey: registration.webinarKey,
        registrantKey: registration.registrantKey,
      });
      registrantsDeleted++;
    } catch (error) {
      if (error instanceof GotoNotFoundError) continue; // already gone in GoTo
      throw new DomainError(
        "UPSTREAM",
        `GoTo Webinar did not delete the registration for webinar ${registration.webinarKey}, so nothing was erased yet; try again (${error instanceof Error ? error.message : String(error)}).`,
        { retryable: true },
        { cause: error },
      );
    }
  }

  await pgTransaction(db, async (query) => {
    const emails = people.filter((p) => !p.erasedAt || p.id === prospectId).map((p) => p.email);
    await query(
      `INSERT INTO "ErasedEmail" ("accountId", "emailHash", "erasedAt") SELECT $1::uuid, h, $3 FROM unnest($2::text[]) h
       ON CONFLICT ("accountId", "emailHash") DO UPDATE SET "erasedAt" = EXCLUDED."erasedAt"`,
      [accountId, emails.filter((e) => !e.endsWith("@erased.invalid")).map((e) => erasedEmailHash(accountId, e)), now],
    );
    for (const email of emails.filter((e) => !e.endsWith("@erased.invalid")))
      await query(
        `UPDATE "WebhookEvent" SET "payload" = '{}'::jsonb WHERE "accountId" = $1::uuid AND position(lower($2) in lower("payload"::text)) > 0`,
        [accountId, email],
      );
    await query(
      `UPDATE "Prospect" SET "email" = 'erased-' || "id" || '@erased.invalid', "firstName" = NULL, "lastName" = NULL,
         "company" = NULL, "jobTitle" = NULL, "phone" = NULL, "address" = NULL, "city" = NULL, "state" = NULL,
         "zipCode" = NULL, "country" = NULL, "industry" = NULL, "numberOfEmployees" = NULL, "purchasingRole" = NULL,
         "purchasingTimeFrame" = NULL, "questionsAndComments" = NULL, "customFields" = '{}', "consents" = '{}',
         "erasedAt" = COALESCE("erasedAt", $2), "updatedAt" = now()
       WHERE "id" = ANY($1::uuid[])`,
      [ids, now],
    );
    await query(
      `UPDATE "WebinarRegistration" SET "registrantKey" = NULL, "joinUrl" = NULL, "surveyResponses" = '[]',
         "pollAnswers" = '[]', "surveyAnswers" = '[]', "utm" = NULL, "sourceLabel" = NULL,
         "status" = CASE WHEN "status" = 'CANCELLED' THEN "status" ELSE 'CANCELLED' END,
         "cancelledAt" = COALESCE("cancelledAt", $2), "updatedAt" = now()
       WHERE "prospectId" = ANY($1::uuid[])`,
      [ids, now],
    );
    await query(`UPDATE "Activity" SET "details" = '{}' WHERE "prospectId" = ANY($1::uuid[])`, [ids]);
    await query(
      `UPDATE "SessionQuestion" SET "askedBy" = 'erased', "askerKey" = NULL, "question" = '', "answers" = '[]' WHERE "prospectId" = ANY($1::uuid[])`,
      [ids],
    );
    await query(
      `UPDATE "FormSubmission" SET "data" = '{}', "ip" = NULL, "userAgent" = NULL, "utm" = NULL, "consents" = '[]' WHERE "prospectId" = ANY($1::uuid[])`,
      [ids],
    );
    await query(
      `UPDATE "RegistrationRequest" SET "payload" = '{}', "lastError" = NULL WHERE "prospectId" = ANY($1::uuid[])`,
      [ids],
    );
    await query(`UPDATE "ChangeEvent" SET "data" = "data" - 'details' WHERE "prospectId" = ANY($1::uuid[])`, [ids]);
    await query(
      `UPDATE "OutboundDelivery" SET "payload" = jsonb_set("payload" #- '{data,details}', '{data,prospect}',
         jsonb_build_object('id', "prospectId", 'email', NULL, 'firstName', NULL, 'lastName', NULL, 'company', NULL, 'consents', '{}'::jsonb, 'erased', true))
       WHERE "prospectId" = ANY($1::uuid[])`,
      [ids],
    );
    await recordChangeEvents({
      db: query,
      events: [
        {
          accountId,
          type: "prospect.erased",
          prospectId,
          occurredAt: now,
          data: { emailSha256: erasedEmailHash(accountId, self.email), registrantsDeleted },
        },
      ],
    });
  });
  return { erasedAt: now, registrantsDeleted };
}
