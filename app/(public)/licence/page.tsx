import type { Metadata } from "next";
import { ProsePage } from "@/components/ui/prose-page";

export const metadata: Metadata = { title: "Licence et réutilisation" };

export default function LicencePage() {
  return (
    <ProsePage title="Licence et réutilisation">
      <p>
        Les données diffusées par Fibre Pro sont réutilisables librement sous la{" "}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" hrefLang="fr">
          Licence Ouverte 2.0 (Etalab)
        </a>
        , à condition de mentionner leur source et leur date de mise à jour.
      </p>
      <h2>Données de tiers</h2>
      <ul>
        <li>Découpage administratif et Base Adresse Nationale : Licence Ouverte 2.0.</li>
        <li>Données de l&apos;Arcep : Licence Ouverte 2.0.</li>
        <li>
          Fichiers IPE et publications des collectivités : selon la licence choisie par chaque producteur,
          indiquée avec la source.
        </li>
      </ul>
      <h2>Comment citer</h2>
      <p>« Fibre Pro, d&apos;après [source] du [date] ».</p>
    </ProsePage>
  );
}
