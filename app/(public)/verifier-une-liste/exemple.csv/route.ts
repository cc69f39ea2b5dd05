/** GET /verifier-une-liste/exemple.csv — a member list to start from: the columns the batch check recognises, demo addresses. */
const SAMPLE = [
  "nom;siret;adresse;numero;voie;code_postal;commune",
  "Boulangerie de la place;;;12;rue de la République;01000;Bourg-en-Bresse",
  "Garage du centre;;12 rue de la République 01000 Bourg-en-Bresse;;;;",
  "Entreprise par son SIRET;55210055400013;;;;;",
].join("\r\n");

export function GET(): Response {
  return new Response(`\uFEFF${SAMPLE}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="exemple-liste-fibre-pro.csv"',
      "Cache-Control": "public, max-age=3600",
    },
  });
}
