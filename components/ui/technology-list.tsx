import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";

export function TechnologyList() {
  return (
    <dl className="grid gap-4 sm:grid-cols-2">
      {TECHNOLOGIES.map((technology) => {
        const info = TECHNOLOGY_INFO[technology];
        return (
          <div key={technology} className="rounded-lg border border-line p-4">
            <dt className="font-semibold">
              {info.name} — {info.summary}
            </dt>
            <dd className="mt-1 text-muted">{info.details}</dd>
          </div>
        );
      })}
    </dl>
  );
}
