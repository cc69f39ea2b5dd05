import { z } from "zod";
import {
  CRITICALITY_VALUES,
  GUIDE_QUESTIONS,
  REPAIR_VALUES,
  THROUGHPUT_VALUES,
  optionId,
  type GuideAnswers,
  type GuideQuestionName,
} from "@/lib/guide/questions";

/** Longer address ids are not looked up: no BAN or BAL id comes close. */
export const ADDRESS_ID_MAX_LENGTH = 100;

const question = (name: GuideQuestionName) => GUIDE_QUESTIONS.find((entry) => entry.name === name)!;

/** One answer: missing and unknown values get their own French message. */
function answer<const T extends readonly [string, ...string[]]>(name: GuideQuestionName, values: T) {
  return z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === "" ? question(name).missing : question(name).invalid) });
}

/** GET /quelle-fibre?critique=…&reparation=…&debit=… — the three answers. */
export const ZGuideAnswers = z.object({
  critique: answer("critique", CRITICALITY_VALUES),
  reparation: answer("reparation", REPAIR_VALUES),
  debit: answer("debit", THROUGHPUT_VALUES),
});

export type TGuideAnswers = z.infer<typeof ZGuideAnswers>;

/** The hidden field the form sends, so that a form sent with no answer at all is told so. */
export const GUIDE_SENT_FIELD = "envoi";

export interface GuideFieldError {
  name: GuideQuestionName;
  message: string;
  /** The first answer of the question, which the error summary links to. */
  href: string;
}

export interface GuideQuery {
  /** The form was sent (or the link carries answers): a result or errors must be shown. */
  isSubmitted: boolean;
  answers: GuideAnswers | null;
  errors: GuideFieldError[];
  /** The valid answers received, to check them again in the form. */
  values: Partial<GuideAnswers>;
  /** The address the business came from, as received (null when absent or blank). */
  addressId: string | null;
  /** The address id is longer than any real one: not looked up. */
  isAddressIdInvalid: boolean;
}

type SearchParams = Record<string, string | string[] | undefined>;

/** Reads the query string of /quelle-fibre; never throws. */
export function parseGuideQuery(params: SearchParams): GuideQuery {
  const raw = { critique: params.critique, reparation: params.reparation, debit: params.debit };
  const isSubmitted = params[GUIDE_SENT_FIELD] !== undefined || Object.values(raw).some((value) => value !== undefined);
  const rawAddress = Array.isArray(params.adresse) ? params.adresse[0] : params.adresse;
  const addressId = rawAddress?.trim() ? rawAddress.trim() : null;
  const isAddressIdInvalid = addressId !== null && addressId.length > ADDRESS_ID_MAX_LENGTH;

  const values: Partial<GuideAnswers> = {};
  for (const name of Object.keys(raw) as GuideQuestionName[]) {
    const single = ZGuideAnswers.shape[name].safeParse(raw[name]);
    if (single.success) Object.assign(values, { [name]: single.data });
  }
  if (!isSubmitted) return { isSubmitted, answers: null, errors: [], values, addressId, isAddressIdInvalid };

  const parsed = ZGuideAnswers.safeParse(raw);
  if (parsed.success) return { isSubmitted, answers: parsed.data, errors: [], values, addressId, isAddressIdInvalid };
  // In the order of the questions, one message per question.
  const errors = GUIDE_QUESTIONS.flatMap((entry) => {
    const issue = parsed.error.issues.find((candidate) => candidate.path[0] === entry.name);
    return issue ? [{ name: entry.name, message: issue.message, href: `#${optionId(entry.name, entry.options[0]!.value)}` }] : [];
  });
  return { isSubmitted, answers: null, errors, values, addressId, isAddressIdInvalid };
}
