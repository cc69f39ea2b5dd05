import type { PublicContact } from "@/lib/levels/next-steps";

/** Who to ask about the zone: its manager's public contact first, then the territory's; the zone's own contact line. */
export function ZoneContact({ zoneName, contactText, contacts }: { zoneName: string; contactText: string | null; contacts: readonly PublicContact[] }) {
  return (
    <section aria-labelledby="zone-contact" className="space-y-3">
      <h2 id="zone-contact" tabIndex={-1} className="scroll-mt-4 text-xl font-semibold outline-none">
        Contacter le gestionnaire
      </h2>
      {contacts.length === 0 && !contactText ? (
        <p>Aucun contact n&apos;est publié pour cette zone. La mairie de la commune peut vous orienter.</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {contactText ? (
            <li className="rounded-md border border-line p-3">
              <p className="font-semibold">Contact de la zone {zoneName}</p>
              <p className="whitespace-pre-line">{contactText}</p>
            </li>
          ) : null}
          {contacts.map((contact) => (
            <li key={contact.name} className="space-y-2 rounded-md border border-line p-3">
              <p className="font-semibold">{contact.name}</p>
              <p className="flex flex-wrap gap-2">
                {contact.email ? (
                  <a href={`mailto:${contact.email}?subject=${encodeURIComponent(`Fibre dans la zone ${zoneName}`)}`} className="button-primary">
                    Écrire à {contact.email}
                  </a>
                ) : null}
                {contact.phone ? (
                  <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`} className="button-secondary">
                    Appeler le {contact.phone}
                  </a>
                ) : null}
              </p>
              {contact.url ? (
                <p className="text-sm">
                  <a href={contact.url} rel="noopener noreferrer" target="_blank">
                    Site web<span className="sr-only"> de {contact.name} (nouvelle fenêtre)</span>
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
