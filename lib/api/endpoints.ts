/**
 * Every public endpoint, described once: path, parameters (the same zod schemas the routes parse
 * with), answer, errors, an example a partner can paste. lib/api/openapi.ts turns this list into
 * the OpenAPI document served at /api/v1/openapi.json.
 */
import type { z } from "zod";
import {
  ZAddressResponse, ZCommuneResponse, ZHealthResponse, ZMapResponse, ZNearestAddressResponse, ZOperatorListResponse, ZSearchResponse,
  ZZoneAddressesResponse, ZZoneListResponse, ZZoneResponse, ZCsvExport, ZExportMetadata, ZGeoJsonExport,
} from "@/lib/api/schemas";
import { ZExportQuery, ZNearestQuery, ZZoneListQuery } from "@/lib/validation/api";
import { ZMapQuery } from "@/lib/validation/map";
import { ZSearchQuery } from "@/lib/validation/search";
import { ZZoneAddressesQuery } from "@/lib/validation/zones";

export interface ApiEndpoint {
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  pathParams?: Record<string, { description: string; example: string }>;
  query?: z.ZodObject;
  response: z.ZodType;
  /** The 200 answer's media type (default application/json). */
  contentType?: string;
  /** Error statuses besides 429 and 500, answered as problem+json. */
  errors: number[];
  /** Other statuses answered with the same schema as 200. */
  alsoAnswers?: { status: number; description: string }[];
  /** A request a partner can paste. */
  example: string;
}

export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  {
    path: "/api/v1/search",
    operationId: "search",
    tag: "Recherche",
    summary: "Rechercher une adresse, une zone d'activités ou une commune",
    description:
      "Suggestions classées, pour une saisie telle que les gens l'écrivent : abréviations (av, bd, zi…), bis/ter collés ou séparés, code postal ou commune n'importe où, fautes de frappe.",
    query: ZSearchQuery,
    response: ZSearchResponse,
    errors: [400],
    example: "/api/v1/search?q=12%20av%20alsace%20lorraine%20bourg&limit=5",
  },
  {
    path: "/api/v1/addresses/{banId}",
    operationId: "getAddress",
    tag: "Adresses",
    summary: "Éligibilité d'une adresse, technologie par technologie",
    description: "Pour chaque technologie : état, dates, opérateurs et source de l'information ; les sources en désaccord ; les immeubles et la zone d'activités.",
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
    summary: "Les zones d'activités d'une emprise, d'une commune ou d'une intercommunalité",
    description: "Au moins un filtre (bbox, commune ou epci), combinables ; triées par identifiant, page par page avec cursor.",
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
    description: "Le périmètre GeoJSON, la couverture par technologie et état (nombre et part des adresses), ce que le gestionnaire a publié.",
    pathParams: { id: { description: "Identifiant de la zone (site_id du standard CNIG)", example: "01053_SITE-ECO_00001" } },
    response: ZZoneResponse,
    errors: [404],
    example: "/api/v1/zones/01053_SITE-ECO_00001",
  },
  {
    path: "/api/v1/zones/{id}/addresses",
    operationId: "listZoneAddresses",
    tag: "Zones d'activités",
    summary: "Les adresses d'une zone et leur état, page par page",
    description: "Triées par identifiant ; passez nextCursor en paramètre cursor pour la page suivante.",
    pathParams: { id: { description: "Identifiant de la zone", example: "01053_SITE-ECO_00001" } },
    query: ZZoneAddressesQuery,
    response: ZZoneAddressesResponse,
    errors: [400, 404],
    example: "/api/v1/zones/01053_SITE-ECO_00001/addresses?technology=FTTE&status=DEPLOYE&limit=50",
  },
  {
    path: "/api/v1/communes/{insee}",
    operationId: "getCommune",
    tag: "Communes",
    summary: "Une commune : territoire, couverture, zones d'activités",
    description: "La couverture par technologie et état des adresses de la commune, ses zones d'activités.",
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
      "Jamais tout le pays d'un coup : les zones toujours (périmètres dès le zoom 13), les immeubles à partir du zoom 12 — regroupés jusqu'au zoom 15, un par un ensuite (3 000 au plus).",
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
    description: "Une commune, une intercommunalité ou une zone (un seul territoire) ; produit au fil de l'eau. Colonnes et sources : /api/v1/exports/metadata.",
    query: ZExportQuery,
    response: ZCsvExport,
    contentType: "text/csv",
    errors: [400, 404],
    example: "/api/v1/exports/availability.csv?commune=01053",
  },
  {
    path: "/api/v1/exports/availability.geojson",
    operationId: "exportGeoJson",
    tag: "Exports",
    summary: "Export GeoJSON de la disponibilité, adresse par adresse",
    description: "Les mêmes informations que le CSV, une entité Point par adresse, les métadonnées (licence, sources, date de production) dans l'objet metadata.",
    query: ZExportQuery,
    response: ZGeoJsonExport,
    contentType: "application/geo+json",
    errors: [400, 404],
    example: "/api/v1/exports/availability.geojson?zone=01053_SITE-ECO_00001",
  },
  {
    path: "/api/v1/exports/metadata",
    operationId: "exportMetadata",
    tag: "Exports",
    summary: "Les métadonnées d'un export",
    description: "Territoire, licence (Licence Ouverte 2.0), sources et leurs dates, date de production, colonnes du CSV.",
    query: ZExportQuery,
    response: ZExportMetadata,
    errors: [400, 404],
    example: "/api/v1/exports/metadata?epci=200071751",
  },
  {
    path: "/api/v1/operators",
    operationId: "listOperators",
    tag: "Opérateurs",
    summary: "Les opérateurs cités par les sources",
    description: "Code Arcep à 4 caractères, nom, rôle (opérateur d'infrastructure ou commercial).",
    response: ZOperatorListResponse,
    errors: [],
    example: "/api/v1/operators",
  },
  {
    path: "/api/health",
    operationId: "health",
    tag: "Service",
    summary: "État du service",
    description: "200 quand la base de données répond, 503 sinon.",
    response: ZHealthResponse,
    errors: [],
    alsoAnswers: [{ status: 503, description: "La base de données ne répond pas (status: unavailable)" }],
    example: "/api/health",
  },
];
