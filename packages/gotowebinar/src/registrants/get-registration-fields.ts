import { apiPath, type ClientContext } from "../context";
import { asArray, asRecord, compact, keyOf, optBool, optNum, str } from "../http/values";
import type { RegistrationFields } from "../types/registrants";
import type { WebinarRef } from "../webinars/get-webinar";

/** The registration form of a webinar: standard fields and custom questions with answer keys. */
export async function getRegistrationFields(ctx: ClientContext, options: WebinarRef): Promise<RegistrationFields> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/registrants/fields`,
  });
  const body = asRecord(data);
  return {
    fields: asArray(body.fields).map((item) => {
      const f = asRecord(item);
      return compact({
        field: str(f.field),
        required: optBool(f.required) ?? false,
        maxSize: optNum(f.maxSize),
        answers: Array.isArray(f.answers) ? f.answers.map(str) : undefined,
      });
    }),
    questions: asArray(body.questions).map((item) => {
      const q = asRecord(item);
      return compact({
        questionKey: keyOf(q.questionKey),
        question: str(q.question),
        required: optBool(q.required) ?? false,
        type: str(q.type),
        maxSize: optNum(q.maxSize),
        answers: Array.isArray(q.answers)
          ? q.answers.map((a) => ({ answerKey: keyOf(asRecord(a).answerKey), answer: str(asRecord(a).answer) }))
          : undefined,
      });
    }),
  };
}
