import type { Metadata } from "next";
import { ProsePage } from "@/components/ui/prose-page";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default function AccessibilityPage() {
  return (
    <ProsePage title="Déclaration d'accessibilité">
      <p>
        Fibre Pro s&apos;engage à rendre son site accessible conformément à l&apos;article 47 de la loi n° 2005-102
        du 11 février 2005, selon le Référentiel général d&apos;amélioration de l&apos;accessibilité (RGAA 4.1).
      </p>
      <h2>État de conformité</h2>
      <p>
        Le site est <strong>partiellement conforme</strong> au RGAA 4.1 : aucun audit complet n&apos;a encore été
        réalisé. Chaque page publique est vérifiée automatiquement (axe-core, critères WCAG 2.1 A et AA) à
        chaque modification du code, et la recherche s&apos;utilise entièrement au clavier.
      </p>
      <h2>Utiliser la recherche au clavier</h2>
      <ul>
        <li>Tapez le nom ou le code postal d&apos;une commune : des suggestions s&apos;affichent.</li>
        <li>Les flèches haut et bas parcourent les suggestions, Entrée ouvre la suggestion choisie.</li>
        <li>Échap ferme les suggestions ; Entrée sans suggestion choisie affiche la page de résultats.</li>
      </ul>
      <h2>Signaler un problème</h2>
      <p>
        Si vous ne parvenez pas à accéder à une information, écrivez-nous : nous vous la fournirons sous une autre
        forme. Vous pouvez aussi saisir le Défenseur des droits.
      </p>
    </ProsePage>
  );
}
