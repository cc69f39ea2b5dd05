/** French labels of the admin vocabulary (publication scopes and states, import job states, formats). */
import type { PublicationScope, PublicationState } from "@/lib/db/enums";

export const PUBLICATION_STATE_LABELS: Record<PublicationState, string> = {
  DRAFT: "Brouillon",
  PUBLISHED: "Publiée",
  WITHDRAWN: "Retirée",
};

export const PUBLICATION_SCOPE_LABELS: Record<PublicationScope, string> = {
  ZONE: "Zone d'activités",
  COMMUNE: "Commune entière",
  ADDRESSES: "Adresses choisies",
};

export const IMPORT_JOB_STATE_LABELS: Record<string, string> = {
  UPLOADED: "Reçu, en attente de vérification",
  CHECKING: "Vérification en cours",
  CHECKED: "Vérifié : à confirmer",
  APPLYING: "Import en cours",
  APPLIED: "Importé",
  REFUSED: "Refusé",
  FAILED: "Échec",
  CANCELLED: "Abandonné",
};

export const IMPORT_FORMAT_LABELS: Record<string, string> = {
  ban: "Base Adresse Nationale (BAN, CSV)",
  bal: "Base Adresse Locale (BAL 1.3/1.4, CSV)",
  ipe: "IPE Interop'Fibre (CSV ou ZIP)",
  "arcep-immeubles": "Arcep Carte fibre — immeubles (CSV)",
  "arcep-mci": "Arcep Ma connexion internet (base_imb ou actuel, CSV)",
  zones: "Zones d'activités : CNIG site_eco (GeoJSON ou CSV) ou IGN BD TOPO (GeoJSON)",
  "arcep-operateurs": "Arcep — référentiel des opérateurs (code → nom, CSV)",
  sirene: "SIRENE — établissements (StockEtablissement, CSV ou ZIP)",
  "sirene-unites": "SIRENE — unités légales (StockUniteLegale, CSV ou ZIP)",
};

/** Audit log actions, in French; an action not listed shows its code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "publication.create": "Brouillon créé",
  "publication.update": "Brouillon modifié",
  "publication.publish": "Publication",
  "publication.withdraw": "Publication retirée",
  "publication.delete": "Brouillon supprimé",
  "zone.create": "Zone créée",
  "zone.update": "Zone modifiée",
  "zone.archive": "Zone archivée",
  "zone.restore": "Zone restaurée",
  "import.check": "Fichier vérifié",
  "import.apply": "Fichier importé",
  "user.create": "Compte créé",
  "user.update": "Compte modifié",
  "user.disable": "Compte désactivé",
  "user.enable": "Compte réactivé",
  "user.unlock": "Connexion débloquée",
  "user.password": "Mot de passe changé",
  "report.accept": "Signalement accepté",
  "report.reject": "Signalement refusé",
  "privacy.erase": "Données personnelles effacées",
  "organisation.create": "Organisation créée",
  "organisation.territory": "Territoire modifié",
  "organisation.contact": "Contact public modifié",
  "operator.create": "Opérateur ajouté à l'annuaire",
  "operator.update": "Fiche d'opérateur modifiée",
  "operator.delete": "Opérateur retiré de l'annuaire",
};
