import { badRequest } from "../errors";
import type { SimState } from "./store";
import { OPTIONAL_REGISTRANT_FIELDS, type Question, type RegistrationField } from "./types";

export interface QuestionSpec {
  question: string;
  type?: "shortAnswer" | "multipleChoice";
  required?: boolean;
  maxSize?: number;
  answers?: string[];
}

const CHOICES: Record<string, string[]> = {
  industry: ["Education", "Financial Services", "Government", "Healthcare", "IT", "Manufacturing", "Other"],
  numberOfEmployees: ["1-20", "21-50", "51-100", "101-500", "501-1000", "1001-5000", "5001+"],
  purchasingTimeFrame: ["Within a month", "1-3 months", "4-6 months", "More than 6 months", "No purchase planned"],
  purchasingRole: ["Decision Maker", "Evaluator/Recommender", "Influencer", "Not involved"],
};

/** Fields GoTo's form can show; source is API-only and so is not among them. */
export const FORM_FIELDS = [
  "firstName",
  "lastName",
  "email",
  ...OPTIONAL_REGISTRANT_FIELDS.filter((field) => field !== "source"),
];

const ALWAYS_REQUIRED = ["firstName", "lastName", "email"];

/** The default form: name and e-mail required, every other standard field offered but optional. */
export function buildFields(requiredFields: string[] = []): RegistrationField[] {
  for (const name of requiredFields) {
    if (!FORM_FIELDS.includes(name)) {
      throw badRequest(`requiredFields: unknown field ${JSON.stringify(name)}; known: ${FORM_FIELDS.join(", ")}`);
    }
  }
  return FORM_FIELDS.map((field) => ({
    field,
    required: ALWAYS_REQUIRED.includes(field) || requiredFields.includes(field),
    maxSize: 128,
    answers: CHOICES[field],
  }));
}

export function buildQuestions(state: SimState, specs: QuestionSpec[] = []): Question[] {
  if (!Array.isArray(specs)) throw badRequest("questions must be an array");
  return specs.map((spec, i) => {
    if (!spec || typeof spec.question !== "string" || spec.question === "") {
      throw badRequest(`questions[${i}].question is required`);
    }
    const type = spec.type ?? (spec.answers?.length ? "multipleChoice" : "shortAnswer");
    if (type !== "shortAnswer" && type !== "multipleChoice") {
      throw badRequest(`questions[${i}].type must be shortAnswer or multipleChoice`);
    }
    if (type === "multipleChoice" && !spec.answers?.length) {
      throw badRequest(`questions[${i}] is multipleChoice and needs answers`);
    }
    return {
      questionKey: state.newKey(),
      question: spec.question,
      type,
      required: spec.required ?? false,
      maxSize: Math.min(spec.maxSize ?? (type === "shortAnswer" ? 256 : 128), 1000),
      answers:
        type === "multipleChoice" ? (spec.answers ?? []).map((answer) => ({ answerKey: state.newKey(), answer })) : [],
    };
  });
}
