import Link from "next/link";
import type { NextStep } from "@/lib/levels/next-steps";

const GROUPS: { kinds: NextStep["kind"][]; title: string }[] = [
  { kinds: ["OPERATOR"], title: "Commander auprès des opérateurs présents à cette adresse" },
  { kinds: ["BUSINESS_OPERATORS"], title: "Fibre dédiée (FttE, FttO) : demander un devis" },
  { kinds: ["COLLECTIVITE"], title: "Se renseigner auprès du territoire" },
  { kinds: ["ALERT", "REPORT", "GUIDE"], title: "Et aussi" },
];

const isExternal = (url: string) => /^https?:\/\//.test(url);

function StepLink({ url, children }: { url: string; children: React.ReactNode }) {
  return isExternal(url) ? (
    <a href={url} rel="noopener noreferrer" target="_blank">
      {children}
      <span className="sr-only"> (nouvelle fenêtre)</span>
    </a>
  ) : (
    <Link href={url}>{children}</Link>
  );
}

/** One next step: its link, and the eligibility tester, e-mail or phone when it has them. */
export function Step({ step }: { step: NextStep }) {
  return (
    <li className="space-y-1 rounded-md border border-line bg-white px-3 py-2">
      <p className="font-medium">{step.url ? <StepLink url={step.url}>{step.label}</StepLink> : step.label}</p>
      {step.testerUrl || step.email || step.phone ? (
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {step.testerUrl ? <StepLink url={step.testerUrl}>Tester l&apos;éligibilité de votre adresse{step.name ? ` chez ${step.name}` : ""}</StepLink> : null}
          {step.email ? <a href={`mailto:${step.email}`}>{step.email}</a> : null}
          {step.phone ? <a href={`tel:${step.phone.replace(/[^\d+]/g, "")}`}>{step.phone}</a> : null}
        </p>
      ) : null}
    </li>
  );
}

/** « Que faire maintenant ? »: the next steps, grouped by what they are for. */
export function NextSteps({ steps, note }: { steps: readonly NextStep[]; note?: string }) {
  return (
    <section aria-labelledby="next-steps" className="space-y-4 print:break-inside-avoid">
      <h2 id="next-steps" tabIndex={-1} className="scroll-mt-4 text-xl font-semibold outline-none">
        Que faire maintenant ?
      </h2>
      {GROUPS.map((group) => {
        const grouped = steps.filter((step) => group.kinds.includes(step.kind));
        if (grouped.length === 0) return null;
        return (
          <div key={group.title} className="space-y-2">
            <h3 className="font-semibold">{group.title}</h3>
            <ul className="grid gap-2 md:grid-cols-2">
              {grouped.map((step, index) => (
                <Step key={`${step.kind}-${step.label}-${index}`} step={step} />
              ))}
            </ul>
          </div>
        );
      })}
      {note ? <p className="text-sm text-muted">{note}</p> : null}
    </section>
  );
}
