import { GUIDE_QUESTIONS, optionId, type GuideAnswers, type GuideQuestion } from "@/lib/guide/questions";
import { GUIDE_SENT_FIELD, type GuideFieldError } from "@/lib/validation/guide";

/** The guide's target in the page: the result heading or the error summary carry this id. */
export const GUIDE_RESULT_ID = "resultat";

function Question({ question, value, error }: { question: GuideQuestion; value?: string; error?: string }) {
  const errorId = `${question.name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className={`space-y-3 ${error ? "border-l-4 border-red-700 pl-4" : ""}`}>
      <legend className="text-lg font-semibold">{question.legend}</legend>
      {error ? (
        <p id={errorId} className="field-error font-semibold">
          <span className="sr-only">Erreur : </span>
          {error}
        </p>
      ) : null}
      {question.options.map((option) => {
        const id = optionId(question.name, option.value);
        return (
          <div key={option.value} className="flex items-start gap-3">
            <input
              type="radio"
              id={id}
              name={question.name}
              value={option.value}
              defaultChecked={value === option.value}
              aria-describedby={`${id}-hint`}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            <div>
              <label htmlFor={id} className="font-medium">
                {option.label}
              </label>
              <p id={`${id}-hint`} className="text-sm text-muted">
                {option.hint}
              </p>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * The three questions as a plain GET form: the server renders the result on the same page, and the
 * action's fragment brings the browser to it (or to the error summary) without JavaScript.
 */
export function GuideForm({
  values,
  errors,
  addressId,
  title,
}: {
  values: Partial<GuideAnswers>;
  errors: readonly GuideFieldError[];
  addressId: string | null;
  title: string;
}) {
  return (
    <form action={`/quelle-fibre#${GUIDE_RESULT_ID}`} method="get" aria-labelledby="questions-title" className="space-y-6">
      <h2 id="questions-title" className="text-xl font-semibold">
        {title}
      </h2>
      {GUIDE_QUESTIONS.map((question) => (
        <Question key={question.name} question={question} value={values[question.name]} error={errors.find((error) => error.name === question.name)?.message} />
      ))}
      {addressId ? <input type="hidden" name="adresse" value={addressId} /> : null}
      <input type="hidden" name={GUIDE_SENT_FIELD} value="1" />
      <button type="submit" className="button-primary px-5 py-3 text-lg">
        Voir la fibre qui vous convient
      </button>
    </form>
  );
}
