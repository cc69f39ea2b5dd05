import type { Metadata } from "next";
import { ProsePage } from "@/components/ui/prose-page";

export const metadata: Metadata = { title: "Sources des données" };

export default function SourcesPage() {
  return (
    <ProsePage title="Sources des données">
      <p>
        Chaque information affichée par Fibre Pro indique sa source et sa date. Quand deux sources ne disent pas la
        même chose, la plus récente est affichée et le désaccord est signalé.
      </p>
      <h2>Territoire</h2>
      <p>
        Communes, codes postaux, intercommunalités, départements et régions : découpage administratif publié par
        Etalab d&apos;après le Code officiel géographique de l&apos;INSEE (paquet{" "}
        <code>@etalab/decoupage-administratif</code>, millésime 2026).
      </p>
      <h2>Adresses</h2>
      <ul>
        <li>Base Adresse Nationale (BAN), export CSV par département.</li>
        <li>Bases Adresses Locales (BAL) publiées par les communes.</li>
      </ul>
      <h2>Déploiement de la fibre</h2>
      <ul>
        <li>
          Fichiers IPE (Informations Préalables Enrichies, format Interop&apos;Fibre) des opérateurs
          d&apos;infrastructure et des réseaux d&apos;initiative publique.
        </li>
        <li>Arcep : « Carte fibre » (état des immeubles) et « Ma connexion internet » (opérateurs commerciaux).</li>
        <li>Calendriers et statuts publiés par les collectivités et les gestionnaires de zones d&apos;activités.</li>
      </ul>
      <h2>Zones d&apos;activités</h2>
      <p>
        Contours au standard CNIG « sites économiques » publiés par les collectivités, et zones industrielles de la BD TOPO de
        l&apos;IGN (Licence Ouverte).
      </p>
    </ProsePage>
  );
}
