import { Prisma } from "@gw/db";
import type { CompletionAction } from "./form-definition";
import type { RegistrationPayload } from "./registration-payload";

export interface ApplyCompletionActionsOptions {
  tx: Prisma.TransactionClient;
  accountId: string;
  prospectId: string;
  submissionId: string;
  actions: CompletionAction[];
  /** Built from the submission; used by a register action. */
  registration: RegistrationPayload;
  now: Date;
  /** How long a registration is retried while GoTo is unreachable. */
  giveUpAfterMs: number;
}

export interface AppliedActions {
  /** Registration requests written (the outbox): enqueue each after commit. */
  registrationRequestIds: string[];
  /** Actions that could not apply because what they point at was deleted since the form was saved. */
  skipped: string[];
}

/**
 * Runs a form's completion actions inside the submission's transaction. A register action only
 * writes the outbox row: the GoTo call happens after commit, in the push job, so the person's
 * request never waits on GoTo and nothing is lost when GoTo or Redis is down.
 */
export async function applyCompletionActions(options: ApplyCompletionActionsOptions): Promise<AppliedActions> {
  const { tx, accountId, prospectId, now } = options;
  const applied: AppliedActions = { registrationRequestIds: [], skipped: [] };
  for (const action of options.actions) {
    switch (action.type) {
      case "REGISTER_WEBINAR": {
        // One statement: the webinar may have been deleted since the form was saved.
        const [request] = await tx.$queryRaw<Array<{ id: string }>>(Prisma.sql`
          INSERT INTO "RegistrationRequest" ("accountId", "prospectId", "webinarId", "formSubmissionId", "payload", "nextAttemptAt", "giveUpAt", "updatedAt")
          SELECT ${accountId}::uuid, ${prospectId}::uuid, w."id", ${options.submissionId}::uuid, ${JSON.stringify(options.registration)}::jsonb,
                 ${now}, ${new Date(now.getTime() + options.giveUpAfterMs)}, now()
          FROM "Webinar" w WHERE w."id" = ${action.webinarId}::uuid AND w."accountId" = ${accountId}::uuid
          RETURNING "id"`);
        if (request) applied.registrationRequestIds.push(request.id);
        else applied.skipped.push(`REGISTER_WEBINAR: webinar ${action.webinarId} no longer exists`);
        break;
      }
      case "ADD_TO_LIST": {
        const inserted = await tx.$executeRaw(Prisma.sql`
          INSERT INTO "ListMembership" ("listId", "prospectId")
          SELECT "id", ${prospectId}::uuid FROM "List" WHERE "id" = ${action.listId}::uuid AND "accountId" = ${accountId}::uuid
          ON CONFLICT DO NOTHING`);
        if (inserted === 0) {
          const exists = await tx.list.count({ where: { id: action.listId, accountId } });
          if (!exists) applied.skipped.push(`ADD_TO_LIST: list ${action.listId} no longer exists`);
        }
        break;
      }
      case "ADD_TAG": {
        const [tag] = await tx.$queryRaw<Array<{ id: string }>>(Prisma.sql`
          INSERT INTO "Tag" ("accountId", "name") VALUES (${accountId}::uuid, ${action.tag})
          ON CONFLICT ("accountId", "name") DO UPDATE SET "name" = EXCLUDED."name"
          RETURNING "id"`);
        await tx.$executeRaw(Prisma.sql`
          INSERT INTO "ProspectTag" ("tagId", "prospectId") VALUES (${tag!.id}::uuid, ${prospectId}::uuid)
          ON CONFLICT DO NOTHING`);
        break;
      }
      case "ADJUST_SCORE":
        await tx.prospect.update({ where: { id: prospectId }, data: { score: { increment: action.points } }, select: { id: true } });
        break;
    }
  }
  return applied;
}
