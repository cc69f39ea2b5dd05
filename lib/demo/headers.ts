/** Headers of the real files, column by column (../shared/DATA-FORMATS.md). */
export const BAN_HEADER_COLUMNS = [
  "id", "id_fantoir", "numero", "rep", "nom_voie", "code_postal", "code_insee", "nom_commune", "code_insee_ancienne_commune",
  "nom_ancienne_commune", "x", "y", "lon", "lat", "type_position", "alias", "nom_ld", "libelle_acheminement", "nom_afnor",
  "source_position", "source_nom_voie", "certification_commune", "cad_parcelles",
] as const;

/** The 63 columns of protocol v2/v3 files as far as DATA-FORMATS.md lists them, plus the ones we read. */
export const IPE_HEADER_COLUMNS = [
  "IdentifiantImmeuble", "EtatImmeuble", "CodeInseeImmeuble", "CodePostalImmeuble", "CommuneImmeuble", "NumeroVoieImmeuble",
  "ComplementNumeroVoieImmeuble", "TypeVoieImmeuble", "NomVoieImmeuble", "BatimentImmeuble", "CodeAdresseImmeuble",
  "NombreLogementsAdresseIPE", "CoordonneeImmeubleX", "CoordonneeImmeubleY", "TypeProjectionGeographique", "ReferencePM", "EtatPM",
  "CoordonneePMX", "CoordonneePMY", "CommunePM", "DateSignatureConvention", "TypePBO", "TypeRaccoPBPTO", "CodeOI", "TypeImmeuble",
  "AccordGestionnaireImmeubleNecessaire", "DateInstallationPM", "DatePremiereMADPM", "DateMiseEnServiceCommercialePM",
  "TypeEmplacementPM", "TypeIngenierie", "FibreDedieeLibre", "TypeZone",
] as const;

export const ARCEP_BUILDING_HEADER_COLUMNS = [
  "x", "y", "imb_id", "num_voie", "cp_no_voie", "type_voie", "nom_voie", "batiment", "code_insee", "code_poste", "nom_com",
  "catg_loc_imb", "imb_etat", "pm_ref", "pm_etat", "code_l331", "geom_mod", "type_imb", "date_completude",
  "date_completude_manquante", "pm_date_mad",
] as const;
