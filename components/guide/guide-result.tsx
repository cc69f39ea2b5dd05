import Link from "next/link";
import { LevelBadge } from "@/components/answer/level-badge";
import { Step } from "@/components/answer/next-steps";
import { GUIDE_RESULT_ID } from "@/components/guide/guide-form";
import { SearchBox } from "@/components/search/search-box";
import type { Technology } from "@/lib/db/enums";
import { provenanceLine } from "@/lib/eligibility-text";
import type { Recommendation } from "@/lib/guide/recommend";
import { stepsForTechnology } from "@/lib/guide/steps";
import { levelText, type TechnologyAnswer } from "@/lib/levels/answer";
import type { NextStep } from "@/lib/levels/next-steps";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

/** The address the guide was opened from, with what the portal knows there. */
export interface GuideAddress {
  id: string;
  label: string;
  answers: readonly TechnologyAnswer[];
  nextSteps: readonly NextStep[];
}

function basisText(answer: TechnologyAnswer): string {
  switch (answer.basis) {
    case "SOURCE":
      return answer.source ? provenanceLine(answer.source) : "Information d'une source";
    case "DIRECTORY":
      return "D'après l'annuaire des opérateurs";
    case "GENERAL_RULE":
      return "Règle générale, pas une information sur cette adresse";
    case "NONE":
      return "Aucune source ne l'indique à cette adresse";
  }
}

/** A technology's level at the address in words, what it rests on, then the steps that fit. */
function AtAddress({
  answer,
  note = null,
  steps,
  stepsTitle,
  stepsTitleId,
}: {
  answer: TechnologyAnswer;
  /** Said right after the level, before the steps (what else can be had here). */
  note?: string | null;
  steps: readonly NextStep[];
  stepsTitle: string;
  stepsTitleId: string;
}) {
  return (
    <>
      <div>
        <p>
          <span className="font-semibold">À cette adresse : </span>
          <LevelBadge level={answer.level} text={levelText(answer)} />
        </p>
        <p className="text-sm text-muted">{basisText(answer)}</p>
      </div>
      {note ? <p className="font-semibold">{note}</p> : null}
      {steps.length > 0 ? (
        <div className="space-y-2">
          <h3 id={stepsTitleId} className="font-semibold">
            {stepsTitle}
          </h3>
          <ul aria-labelledby={stepsTitleId} className="grid gap-2 md:grid-cols-2">
            {steps.map((step, index) => (
              <Step key={`${step.kind}-${step.label}-${index}`} step={step} />
            ))}
          </ul>
        </div>
      ) : null}
      {answer.explanation ? <p className="text-sm">{answer.explanation}</p> : null}
    </>
  );
}

function technologyTitle(technology: Technology) {
  const info = TECHNOLOGY_INFO[technology];
  return (
    <>
      {info.name} <span className="font-normal">— {info.summary}</span>
    </>
  );
}

/**
 * The recommendation first, with — at an address — its level there and the next steps; else a
 * search to check it at one's address. Then why, then the alternative.
 */
export function GuideResult({ recommendation, address }: { recommendation: Recommendation; address: GuideAddress | null }) {
  const answerOf = (technology: Technology) => address?.answers.find((answer) => answer.technology === technology) ?? null;
  const main = answerOf(recommendation.technology);
  const mainSteps = main && address ? stepsForTechnology(main, address.nextSteps) : [];
  const alternative = recommendation.alternative;
  const other = alternative ? answerOf(alternative.technology) : null;
  const otherSteps = other && address ? stepsForTechnology(other, address.nextSteps, mainSteps) : [];

  return (
    <section aria-labelledby={GUIDE_RESULT_ID} className="space-y-5">
      <div className="space-y-3 rounded-lg border-l-8 border-brand-700 bg-brand-50 p-4 sm:p-5">
        <h2 id={GUIDE_RESULT_ID} tabIndex={-1} className="scroll-mt-4 text-xl font-bold outline-none focus-visible:outline-3 sm:text-2xl">
          Notre conseil : {technologyTitle(recommendation.technology)}
        </h2>
        {main ? (
          <AtAddress
            answer={main}
            note={alternative?.kind === "ANNOUNCED_HERE" ? alternative.reason : null}
            steps={mainSteps}
            stepsTitle="Que faire maintenant ?"
            stepsTitleId="guide-steps"
          />
        ) : (
          <>
            <p>{TECHNOLOGY_INFO[recommendation.technology].details}</p>
            <div className="rounded-md bg-white p-3">
              <p className="mb-2 font-semibold">Est-elle disponible chez vous ?</p>
              <SearchBox />
            </div>
          </>
        )}
      </div>

      <section aria-labelledby="guide-why" className="space-y-2">
        <h3 id="guide-why" className="text-lg font-semibold">
          Pourquoi ce conseil ?
        </h3>
        <ul className="list-disc space-y-1 pl-5">
          {recommendation.reasons.map((reason) => (
            <li key={reason.question}>{reason.text}</li>
          ))}
        </ul>
        {main ? <p className="text-sm text-muted">{TECHNOLOGY_INFO[recommendation.technology].details}</p> : null}
      </section>

      {alternative ? (
        <section aria-labelledby="guide-alternative" className="space-y-3 rounded-lg border border-line p-4">
          <h3 id="guide-alternative" className="text-lg font-semibold">
            Autre possibilité : {technologyTitle(alternative.technology)}
          </h3>
          {alternative.kind === "ANNOUNCED_HERE" ? null : <p>{alternative.reason}</p>}
          {other ? (
            <AtAddress
              answer={other}
              steps={otherSteps}
              stepsTitle={`Pour ${TECHNOLOGY_INFO[other.technology].name} : que faire ?`}
              stepsTitleId="guide-alternative-steps"
            />
          ) : null}
        </section>
      ) : null}

      {address ? (
        <p>
          <Link href={`/adresse/${encodeURIComponent(address.id)}`}>Toutes les technologies et démarches pour {address.label}</Link>
        </p>
      ) : null}
    </section>
  );
}
