import { LevelBadge } from "@/components/answer/level-badge";
import { levelShortText, type TechnologyAnswer } from "@/lib/levels/answer";
import type { Headline } from "@/lib/levels/headline";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

const TONE_STYLES = {
  available: "border-green-700 bg-green-50",
  "on-request": "border-teal-700 bg-teal-50",
  planned: "border-amber-700 bg-amber-50",
  none: "border-gray-500 bg-gray-50",
} as const;

const BASIS_NOTES = { GENERAL_RULE: "règle générale", DIRECTORY: "annuaire", SOURCE: null, NONE: null } as const;

/** The answer first: the headline, each technology's level in a few words (general rules said so), the way to the next steps. */
export function HeadlineBox({ headline, answers, nextStepsId }: { headline: Headline; answers: readonly TechnologyAnswer[]; nextStepsId?: string }) {
  return (
    <section aria-labelledby="headline" className={`rounded-lg border-l-8 p-4 sm:p-5 ${TONE_STYLES[headline.tone]}`}>
      <h2 id="headline" className="text-xl font-bold sm:text-2xl">
        {headline.title}
      </h2>
      <p className="mt-2">{headline.detail}</p>
      <ul className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm lg:grid-cols-4" aria-label="En bref, technologie par technologie">
        {answers.map((answer) => {
          const note = answer.level === "NOT_ANNOUNCED" ? null : BASIS_NOTES[answer.basis];
          return (
            <li key={answer.technology}>
              <span className="block font-bold">{TECHNOLOGY_INFO[answer.technology].name}</span>
              <LevelBadge level={answer.level} text={levelShortText(answer)} className="font-normal" />
              {note ? <span className="text-muted"> ({note})</span> : null}
            </li>
          );
        })}
      </ul>
      {nextStepsId ? (
        <p className="mt-3 font-semibold print:hidden">
          <a href={`#${nextStepsId}`}>Que faire maintenant ? Opérateurs, devis et contacts ↓</a>
        </p>
      ) : null}
    </section>
  );
}
