import { asArray, asRecord, compact, num, optKey, optNum, optStr, str } from "../http/values";
import type { GotoAttendeeQuestion, GotoPollAnswer, GotoPollResult, GotoSessionPerformance } from "../types/engagement";

export function mapSessionPerformance(value: unknown): GotoSessionPerformance {
  const p = asRecord(value);
  const info = asRecord(p.sessionInfo);
  const attendance = asRecord(p.attendance);
  const polls = asRecord(p.pollsAndSurveys);
  const result: GotoSessionPerformance = {
    attendance: {
      registrantCount: num(attendance.registrantCount),
      percentageAttendance: num(attendance.percentageAttendance),
      averageInterestRating: num(attendance.averageInterestRating),
      averageAttentiveness: num(attendance.averageAttentiveness),
      averageAttendanceTimeSeconds: num(attendance.averageAttendanceTimeSeconds),
    },
    pollsAndSurveys: {
      pollCount: num(polls.pollCount),
      surveyCount: num(polls.surveyCount),
      questionsAsked: num(polls.questionsAsked),
      percentagePollsCompleted: num(polls.percentagePollsCompleted),
      percentageSurveysCompleted: num(polls.percentageSurveysCompleted),
    },
  };
  // The older spec had no sessionInfo: keep it out rather than invent an empty one.
  if (Object.keys(info).length > 0) {
    result.sessionInfo = compact({
      webinarName: optStr(info.webinarName),
      webinarId: optStr(info.webinarId ?? info.webinarID),
      sessionKey: optKey(info.sessionKey),
      timeZone: optStr(info.timeZone),
      experienceType: optStr(info.experienceType),
      recurrencePeriod: optStr(info.recurrencePeriod),
      startTime: optStr(info.startTime),
      endTime: optStr(info.endTime),
      registrationEmailOpenedCount: optNum(info.registrationEmailOpenedCount),
      registrationLinkClickedCount: optNum(info.registrationLinkClickedCount),
    });
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

export function mapAttendeeQuestion(value: unknown): GotoAttendeeQuestion {
  const q = asRecord(value);
  return compact({
    question: str(q.question),
    askedBy: str(q.askedBy),
    askerKey: optKey(q.askerKey),
    dateAsked: optStr(q.dateAsked),
    answers: asArray(q.answers).map((item) => {
      const a = asRecord(item);
      return compact({
        answer: str(a.answer),
        answeredBy: optStr(a.answeredBy),
        answererRole: optStr(a.answererRole),
        answerTime: optStr(a.answerTime),
        answererEmail: optStr(a.answererEmail),
      });
    }),
  });
}
