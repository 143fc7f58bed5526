import { readFields } from "../http/read-fields";
import { asArray, asRecord, num, optStr, str } from "../http/values";
import type { GotoAttendeeQuestion, GotoPollAnswer, GotoPollResult, GotoSessionPerformance } from "../types/engagement";

type Performance = GotoSessionPerformance;

export function mapSessionPerformance(value: unknown): GotoSessionPerformance {
  const p = asRecord(value);
  const info = asRecord(p.sessionInfo);
  const result: GotoSessionPerformance = {
    attendance: readFields<Performance["attendance"]>(p.attendance, {
      num: [
        "registrantCount",
        "percentageAttendance",
        "averageInterestRating",
        "averageAttentiveness",
        "averageAttendanceTimeSeconds",
      ],
    }),
    pollsAndSurveys: readFields<Performance["pollsAndSurveys"]>(p.pollsAndSurveys, {
      num: ["pollCount", "surveyCount", "questionsAsked", "percentagePollsCompleted", "percentageSurveysCompleted"],
    }),
  };
  // The older spec had no sessionInfo: keep it out rather than invent an empty one.
  if (Object.keys(info).length > 0) {
    result.sessionInfo = readFields<NonNullable<Performance["sessionInfo"]>>(
      info,
      {
        optStr: ["webinarName", "webinarId", "timeZone", "experienceType", "recurrencePeriod", "startTime", "endTime"],
        optKey: ["sessionKey"],
        optNum: ["registrationEmailOpenedCount", "registrationLinkClickedCount"],
      },
      { webinarId: ["webinarId", "webinarID"] },
    );
  }
  return result;
}

export function mapPollResult(value: unknown): GotoPollResult {
  const p = asRecord(value);
  return {
    question: str(p.question),
    numberOfResponses: num(p.numberOfResponses),
    responses: asArray(p.responses).map((item) => {
      const r = asRecord(item);
      return { text: str(r.text), percentage: num(r.percentage) };
    }),
  };
}

/** `answers` replaces the deprecated single `answer`; either may come. */
export function mapPollAnswer(value: unknown): GotoPollAnswer {
  const p = asRecord(value);
  const answers = asArray(p.answers)
    .map((a) => optStr(a))
    .filter((a): a is string => a !== undefined);
  const single = optStr(p.answer);
  return { question: str(p.question), answers: answers.length > 0 ? answers : single ? [single] : [] };
}

type Question = GotoAttendeeQuestion;

export function mapAttendeeQuestion(value: unknown): GotoAttendeeQuestion {
  const question = readFields<Omit<Question, "answers">>(value, {
    str: ["question", "askedBy"],
    optKey: ["askerKey"],
    optStr: ["dateAsked"],
  });
  const answers = asArray(asRecord(value).answers).map((item) =>
    readFields<Question["answers"][number]>(item, {
      str: ["answer"],
      optStr: ["answeredBy", "answererRole", "answerTime", "answererEmail"],
    }),
  );
  return { ...question, answers };
}
