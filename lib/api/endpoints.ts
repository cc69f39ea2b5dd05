/**
 * Every public endpoint, described once: path, parameters (the same zod schemas the routes parse
 * with), answer, errors, an example a partner can paste. lib/api/openapi.ts turns this list into
 * the OpenAPI document served at /api/v1/openapi.json.
 */
import type { z } from "zod";
import {
  ZAddressResponse, ZCommuneResponse, ZHealthResponse, ZMapResponse, ZNearestAddressResponse, ZOperatorListResponse, ZSearchResponse,
  ZChangesResponse, ZZoneAddressesResponse, ZZoneListResponse, ZZoneResponse, ZCsvExport, ZExportMetadata, ZGeoJsonExport,
} from "@/lib/api/schemas";
import { BATCH_LINES_HEADERS, ZBatchCheckForm, ZBatchCheckResult } from "@/lib/api/batch-schemas";
import { ZChangesQuery, ZExportQuery, ZNearestQuery, ZZoneListQuery } from "@/lib/validation/api";
import { ZMapQuery } from "@/lib/validation/map";
import { ZSearchQuery } from "@/lib/validation/search";
import { ZZoneAddressesQuery, ZZoneQuery } from "@/lib/validation/zones";

/** Query fields that only make sense together: one exploded object parameter in the document. */
export interface QueryGroup {
  /** The object parameter's name in the document (not sent: its members are). */
  name: string;
  description: string;
  members: string[];
  /** exactlyOne: one and only one member; atLeastOne: one or more; allOrNone: every member or none. */
  rule: "exactlyOne" | "atLeastOne" | "allOrNone";
}

/** The document's tags, in the order of the /api page. */
export const API_TAGS: readonly { name: string; description: string }[] = [
  { name: "Recherche", description: "Adresses, zones d'activités, communes et établissements (SIRET, SIREN, nom) dans une seule liste classée" },
  { name: "Adresses", description: "La réponse pour une entreprise à une adresse : niveau par technologie, source, que faire maintenant" },
  { name: "Zones d'activités", description: "Zones d'activités : périmètre, couverture, adresses page par page" },
  { name: "Communes", description: "Couverture d'une commune et ses zones d'activités" },
  { name: "Carte", description: "Ce qu'une vue de carte montre" },
  { name: "Exports", description: "La disponibilité adresse par adresse d'un territoire, en CSV ou GeoJSON, et ses métadonnées" },
  { name: "Changements", description: "Ce qui a changé depuis une date, adresse par adresse et zone par zone : premiers faits, changements d'état, retraits" },
  { name: "Opérateurs", description: "Les opérateurs cités par les sources ou tenus dans l'annuaire" },
  { name: "Service", description: "État du service" },
];

export interface ApiEndpoint {
  path: string;
  /** The HTTP method (default get). */
  method?: "get" | "post";
  /** The body a POST takes: its media type and the zod schema of its fields. */
  requestBody?: { contentType: string; schema: z.ZodType; description: string };
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  pathParams?: Record<string, { description: string; example: string; schema?: Record<string, unknown> }>;
  query?: z.ZodObject;
  /** Query fields bound together (exactly one territory, lat and lon together…). */
  queryGroups?: QueryGroup[];
  response: z.ZodType;
  /** The 200 answer's media type (default application/json), or its media types when the client chooses. */
  contentType?: string | readonly string[];
  /** Error statuses besides 429 and 500, answered as problem+json. */
  errors: number[];
  /** Headers of a budget of its own, beside the request limit's RateLimit-* (the batch check's lines). */
  budgetHeaders?: readonly string[];
  /** Other statuses answered with the same schema as 200. */
  alsoAnswers?: { status: number; description: string }[];
  /** A request a partner can paste (for a POST, the path a `curl -F data=@…` posts to). */
  example: string;
}

const EXPORT_TERRITORY: QueryGroup[] = [
  { name: "territory", description: "Un seul territoire : commune (code INSEE), epci (SIREN), zone (identifiant) ou departement (code)", members: ["commune", "epci", "zone", "departement"], rule: "exactlyOne" },
];

export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  {
    path: "/api/v1/search",
    operationId: "search",
    tag: "Recherche",
    summary: "Rechercher une adresse, une zone d'activités, une commune ou un établissement",
    description:
      "Suggestions classées, pour une saisie telle que les gens l'écrivent : abréviations (av, bd, zi…), bis/ter collés ou séparés, code postal ou commune n'importe où, fautes de frappe. Un SIRET (14 chiffres, espaces permis) trouve cet établissement, un SIREN (9 chiffres) ses établissements, un nom d'entreprise ou une enseigne les établissements de ce nom (type establishment : id = SIRET, addressId = l'adresse liée ou null). Filtres citycode et postcode ; lat et lon ensemble pour favoriser les résultats proches. Un paramètre inconnu est refusé (400).",
    query: ZSearchQuery,
    queryGroups: [{ name: "near", description: "lat et lon ensemble (ou aucun) : à pertinence égale, les résultats proches de ce point d'abord", members: ["lat", "lon"], rule: "allOrNone" }],
    response: ZSearchResponse,
    errors: [400],
    example: "/api/v1/search?q=12%20av%20alsace%20lorraine%20bourg&limit=5",
  },
  {
    path: "/api/v1/addresses/{banId}",
    operationId: "getAddress",
    tag: "Adresses",
    summary: "La réponse pour une entreprise à une adresse : niveau par technologie, titre, que faire maintenant",
    description:
      "Pour chaque technologie : le niveau en clair (level : AVAILABLE, ON_REQUEST, PLANNED, NOT_ANNOUNCED) et sa base (basis : SOURCE, DIRECTORY, GENERAL_RULE, NONE — une règle générale n'est jamais un fait), l'état détaillé de la source, les dates à leur précision, les opérateurs et la source ; les sources en désaccord. Puis le titre de la réponse (headline), les prochaines étapes (nextSteps : opérateurs, devis, contact de la collectivité, alerte, signalement, guide), les immeubles et la zone d'activités.",
    pathParams: { banId: { description: "Identifiant de l'adresse dans la Base Adresse Nationale", example: "01053_v001_00012" } },
    response: ZAddressResponse,
    errors: [404],
    example: "/api/v1/addresses/01053_v001_00012",
  },
  {
    path: "/api/v1/addresses/nearest",
    operationId: "getNearestAddress",
    tag: "Adresses",
    summary: "L'adresse la plus proche d'un point",
    description: "Dans un rayon donné (50 m par défaut, 500 m au plus) ; 404 au-delà. Puis GET /api/v1/addresses/{banId} pour son éligibilité.",
    query: ZNearestQuery,
    response: ZNearestAddressResponse,
    errors: [400, 404],
    example: "/api/v1/addresses/nearest?lat=46.2046&lon=5.2256&radius=50",
  },
  {
    path: "/api/v1/zones",
    operationId: "listZones",
    tag: "Zones d'activités",
    summary: "Les zones d'activités : toutes, ou celles d'une emprise, d'une commune ou d'une intercommunalité",
    description: "Filtres bbox, commune et epci combinables, facultatifs (sans filtre : toutes les zones) ; l'intercommunalité d'une zone est celle de son fichier, sinon celle de sa commune. Triées par identifiant, page par page avec cursor.",
    query: ZZoneListQuery,
    response: ZZoneListResponse,
    errors: [400],
    example: "/api/v1/zones?epci=200071751&limit=50",
  },
  {
    path: "/api/v1/zones/{id}",
    operationId: "getZone",
    tag: "Zones d'activités",
    summary: "Une zone d'activités : périmètre, couverture, calendrier publié",
    description:
      "Le périmètre GeoJSON (simplifié pour l'affichage ; outline=full pour celui d'origine), la couverture par technologie — par niveau et base (levels), et par état détaillé (statuses) : nombre et part des adresses —, ce que le gestionnaire a publié (schedule, avec le niveau de chaque ligne).",
    pathParams: { id: { description: "Identifiant de la zone (site_id du standard CNIG)", example: "01053_SITE-ECO_00001" } },
    query: ZZoneQuery,
    response: ZZoneResponse,
    errors: [400, 404],
    example: "/api/v1/zones/01053_SITE-ECO_00001",
  },
  {
    path: "/api/v1/zones/{id}/addresses",
    operationId: "listZoneAddresses",
    tag: "Zones d'activités",
    summary: "Les adresses d'une zone et leur niveau, page par page",
    description: "Triées par identifiant ; filtre par niveau (level) ou par état détaillé (status) ; passez nextCursor en paramètre cursor pour la page suivante.",
    pathParams: { id: { description: "Identifiant de la zone", example: "01053_SITE-ECO_00001" } },
    query: ZZoneAddressesQuery,
    response: ZZoneAddressesResponse,
    errors: [400, 404],
    example: "/api/v1/zones/01053_SITE-ECO_00001/addresses?technology=FTTO&level=AVAILABLE&limit=50",
  },
  {
    path: "/api/v1/communes/{insee}",
    operationId: "getCommune",
    tag: "Communes",
    summary: "Une commune : territoire, couverture, zones d'activités",
    description: "La couverture des adresses de la commune par technologie — par niveau et base (levels), et par état détaillé —, ses zones d'activités.",
    pathParams: { insee: { description: "Code INSEE de la commune", example: "01053" } },
    response: ZCommuneResponse,
    errors: [404],
    example: "/api/v1/communes/01053",
  },
  {
    path: "/api/v1/map",
    operationId: "getMapView",
    tag: "Carte",
    summary: "Ce qu'une vue de carte montre : zones, groupes d'immeubles ou immeubles",
    description:
      "Jamais tout le pays d'un coup : les zones toujours (périmètres dès le zoom 13), les immeubles à partir du zoom 12 — regroupés jusqu'au zoom 15, un par un ensuite (3 000 au plus) —, avec leur niveau (level) et leur état détaillé pour la technologie choisie ; filtres level et status.",
    query: ZMapQuery,
    response: ZMapResponse,
    errors: [400],
    example: "/api/v1/map?bbox=5.20,46.19,5.25,46.22&zoom=14&technology=FTTH",
  },
  {
    path: "/api/v1/exports/availability.csv",
    operationId: "exportCsv",
    tag: "Exports",
    summary: "Export CSV de la disponibilité, adresse par adresse",
    description:
      "Une commune, une intercommunalité, une zone ou un département (un seul territoire). Commune, intercommunalité, zone : produit au fil de l'eau. Département : le fichier préparé par le service (nom stable availability-dep-<code>.csv, refait après chaque import ou publication qui touche le département, et au moins chaque jour), avec ETag et Last-Modified (304 sur If-None-Match ou If-Modified-Since) ; 503 avec Retry-After tant qu'il n'est pas encore préparé. Pour chaque technologie : niveau, base, état détaillé, date, précision, source. Colonnes et sources : /api/v1/exports/metadata. Les codes (INSEE, postal, identifiants) sont du texte et gardent leurs zéros initiaux : le fichier reste un CSV simple pour les programmes (UTF-8 avec BOM, sans guillemets ajoutés) ; dans Excel, ouvrez-le par Données > À partir d'un fichier texte/CSV et donnez le type Texte à ces colonnes (l'ouvrir d'un double clic les convertit en nombres : 01053 devient 1053).",
    query: ZExportQuery,
    queryGroups: EXPORT_TERRITORY,
    response: ZCsvExport,
    contentType: "text/csv",
    errors: [400, 404, 503],
    example: "/api/v1/exports/availability.csv?commune=01053",
  },
  {
    path: "/api/v1/exports/availability.geojson",
    operationId: "exportGeoJson",
    tag: "Exports",
    summary: "Export GeoJSON de la disponibilité, adresse par adresse",
    description:
      "Les mêmes informations que le CSV, une entité Point par adresse, les métadonnées (licence, sources, date de production) dans l'objet metadata. Pour un département, comme le CSV : fichier préparé, ETag, Last-Modified, 304, 503 avec Retry-After tant qu'il n'est pas prêt.",
    query: ZExportQuery,
    queryGroups: EXPORT_TERRITORY,
    response: ZGeoJsonExport,
    contentType: "application/geo+json",
    errors: [400, 404, 503],
    example: "/api/v1/exports/availability.geojson?zone=01053_SITE-ECO_00001",
  },
  {
    path: "/api/v1/exports/metadata",
    operationId: "exportMetadata",
    tag: "Exports",
    summary: "Les métadonnées d'un export",
    description: "Territoire, licence (Licence Ouverte 2.0), sources et leurs dates, date de production, colonnes du CSV.",
    query: ZExportQuery,
    queryGroups: EXPORT_TERRITORY,
    response: ZExportMetadata,
    errors: [400, 404],
    example: "/api/v1/exports/metadata?epci=200071751",
  },
  {
    path: "/api/v1/operators",
    operationId: "listOperators",
    tag: "Opérateurs",
    summary: "Les opérateurs cités par les sources ou tenus dans l'annuaire",
    description:
      "Code tel que les fichiers le citent, nom (annuaire, sinon référentiel Arcep), rôle ; d'après l'annuaire des opérateurs : site, page des offres entreprises, test d'éligibilité, technologies entreprises vendues et où (toute la France ou des départements).",
    response: ZOperatorListResponse,
    errors: [],
    example: "/api/v1/operators",
  },
  {
    path: "/api/health",
    operationId: "health",
    tag: "Service",
    summary: "État du service",
    description:
      "200 quand la base de données répond et accepte les écritures — ou attend la fin d'un import de fichier qui tient son verrou d'écriture (SQLite), depuis moins de HEALTH_WRITE_LOCK_MAX_SECONDS (600 s par défaut). 503 sinon : base injoignable, écritures refusées ou sans réponse, écriture bloquée.",
    response: ZHealthResponse,
    errors: [],
    alsoAnswers: [
      { status: 503, description: "La base de données ne répond pas, refuse les écritures ou les bloque (status: unavailable ; database.writeCheck dit pourquoi)" },
    ],
    example: "/api/health",
  },
  {
    path: "/api/v1/changes",
    operationId: "listChanges",
    tag: "Changements",
    summary: "Ce qui a changé depuis une date : premiers faits, changements d'état, retraits",
    description:
      "Un changement : ce qu'une source dit d'une adresse ou d'une zone pour une technologie apparaît (previous: null), change d'état détaillé (previous : l'état d'avant) ou est retiré (level et status null). Un changement de dates ou d'opérateurs à état égal n'en est pas un ; un nouvel import du même fichier n'écrit rien. Le niveau est celui de l'état de la source. Alimenté par les imports et les publications ; conservé 90 jours (since plus ancien : 400). Du plus ancien au plus récent ; since ou cursor (l'un des deux) ; filtre departement.",
    query: ZChangesQuery,
    queryGroups: [{ name: "from", description: "D'où repartir : since (date-heure ISO 8601) ou cursor (nextCursor de la page précédente), l'un des deux", members: ["since", "cursor"], rule: "exactlyOne" }],
    response: ZChangesResponse,
    errors: [400],
    example: "/api/v1/changes?since=2026-11-23T00:00:00Z&departement=01&limit=100",
  },
  {
    path: "/api/v1/eligibility/csv",
    method: "post",
    operationId: "checkEligibilityCsv",
    tag: "Adresses",
    summary: "Vérifier une liste d'entreprises ou d'adresses en un envoi (CSV)",
    description:
      "Le même CSV en retour (même séparateur, même encodage, toutes les lignes dans leur ordre), avec les colonnes fp_match (siret, address ou none), fp_score, fp_ban_id, fp_label, fp_url puis, pour ftth, ftth_pro, ftte et ftto : fp_<techno>_level, _status, _date, _source ; fp_reason dit pourquoi une ligne n'a pas été trouvée. Colonnes reconnues par leur nom (siret, adresse, numero, voie, code_postal, commune, code_insee / citycode) ou nommées par les champs columns et siret. Limites : 50 Mo, 100 000 lignes, 8 Ko par ligne, 100 colonnes (413 au-delà). L'envoi compte pour une requête dans la limite de débit (RateLimit-*) ; ses lignes comptent dans un budget de lignes par client et par période (par défaut 200 000 par heure, en-têtes Batch-Lines-Limit, -Remaining, -Reset) : un fichier qui dépasse ce qu'il reste est refusé entier (429, Retry-After), sans rien décompter. Le fichier n'est pas conservé. format=xlsx pour un classeur Excel.",
    requestBody: { contentType: "multipart/form-data", schema: ZBatchCheckForm, description: "Le fichier CSV (champ data) et, au besoin, les colonnes à lire" },
    response: ZBatchCheckResult,
    contentType: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    errors: [400, 413],
    budgetHeaders: BATCH_LINES_HEADERS,
    example: "/api/v1/eligibility/csv",
  },
];
