import type { Metadata } from "next";
import { connection } from "next/server";
import { ProsePage } from "@/components/ui/prose-page";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

/** Date of this statement: change it with the text. */
const STATEMENT_DATE = "30 novembre 2026";

/**
 * /accessibilite — the accessibility statement, in the shape RGAA 4.1 asks for. « Non conforme »
 * until an audit has been carried out: without one, RGAA allows no other status. The contact
 * address (CONTACT_EMAIL) is read at request time.
 */
export default async function AccessibilityPage() {
  await connection();
  const contact = env.CONTACT_EMAIL;
  return (
    <ProsePage title="Déclaration d'accessibilité">
      <p>
        Fibre Pro s&apos;engage à rendre son site accessible conformément à l&apos;article 47 de la loi n° 2005-102 du 11 février
        2005. Cette déclaration d&apos;accessibilité s&apos;applique au site Fibre Pro : ses pages publiques, le widget à intégrer
        (<code>/embed</code>) et l&apos;espace collectivités.
      </p>

      <h2>État de conformité</h2>
      <p>
        Le site Fibre Pro est <strong>non conforme</strong> avec le Référentiel général d&apos;amélioration de l&apos;accessibilité
        (RGAA 4.1) : aucun audit de conformité n&apos;a encore été réalisé.
      </p>

      <h2>Ce qui est vérifié aujourd&apos;hui</h2>
      <ul>
        <li>
          À chaque modification du code, les pages publiques et celles de l&apos;espace collectivités parcourues par les tests
          automatiques sont contrôlées avec axe-core (critères WCAG 2.1 niveaux A et AA), dans Chromium. Un contrôle automatique ne
          détecte qu&apos;une partie des défauts : il ne remplace pas un audit.
        </li>
        <li>
          Les tests automatiques vérifient aussi l&apos;usage au clavier de la recherche, l&apos;emplacement du focus après le choix
          d&apos;une suggestion ou l&apos;échec d&apos;un formulaire et, pour plusieurs pages, l&apos;affichage sans défilement
          horizontal sur un écran de 375 pixels de large.
        </li>
      </ul>

      <h2>Contenus non accessibles ou limites connues</h2>
      <ul>
        <li>
          Les cartes ne s&apos;utilisent qu&apos;en partie au clavier : on peut les déplacer et zoomer, mais pas atteindre une à une
          les zones et les immeubles qu&apos;elles placent, et leurs couleurs ne sont pas lisibles par tous. Chaque page donne les
          mêmes informations sous forme de texte et de tableaux (la liste « Dans cette vue » pour la carte des zones).
        </li>
        <li>
          Dans l&apos;espace collectivités, le dessin du contour d&apos;une zone sur la carte demande une souris ou un écran tactile.
          Le contour peut aussi être importé depuis un fichier GeoJSON ou saisi dans un champ texte.
        </li>
        <li>
          Les parcours n&apos;ont pas encore été testés avec des lecteurs d&apos;écran (NVDA, JAWS, VoiceOver, TalkBack) ni par des
          personnes en situation de handicap.
        </li>
        <li>
          Les exports (CSV, GeoJSON) et l&apos;API sont des fichiers de données brutes, sans mise en forme ; leurs colonnes sont
          décrites sur la page « Données ouvertes et exports ».
        </li>
        <li>
          Le widget intégré sur le site d&apos;un partenaire s&apos;affiche dans un cadre : l&apos;accessibilité de la page qui
          l&apos;accueille relève de ce partenaire.
        </li>
      </ul>

      <h2>Utiliser la recherche au clavier</h2>
      <ul>
        <li>Tapez une adresse, le nom d&apos;une zone d&apos;activités ou d&apos;une commune, ou un code postal : des suggestions s&apos;affichent.</li>
        <li>Les flèches haut et bas parcourent les suggestions, Entrée ouvre la suggestion choisie et place le focus sur le titre de sa page.</li>
        <li>Échap ferme les suggestions ; Entrée sans suggestion choisie affiche la page de résultats.</li>
      </ul>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le {STATEMENT_DATE}.</p>
      <ul>
        <li>Technologies utilisées : HTML, CSS, WAI-ARIA, JavaScript, SVG.</li>
        <li>Outil de test : axe-core, dans le navigateur Chromium.</li>
      </ul>

      <h2>Retour d&apos;information et contact</h2>
      <p>
        Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, écrivez-nous à{" "}
        <a href={`mailto:${contact}`}>{contact}</a> : nous vous orienterons vers une alternative accessible ou vous fournirons
        l&apos;information sous une autre forme.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d&apos;accessibilité vous empêchant d&apos;accéder à un contenu ou à une fonctionnalité du site,
        que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de faire
        parvenir vos doléances ou une demande de saisine au Défenseur des droits. Plusieurs moyens sont à votre disposition :
      </p>
      <ul>
        <li>
          écrire un message au Défenseur des droits, par le{" "}
          <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a> ;
        </li>
        <li>
          contacter <a href="https://www.defenseurdesdroits.fr/saisir/delegues">le délégué du Défenseur des droits dans votre région</a>{" "}
          ;
        </li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342
          Paris CEDEX 07.
        </li>
      </ul>
    </ProsePage>
  );
}
