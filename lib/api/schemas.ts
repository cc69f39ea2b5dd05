/**
 * The public API's answers as zod schemas: the routes type what they return with them, and the
 * OpenAPI document (lib/api/openapi.ts) is generated from them — one description, never two.
 */
import { z } from "zod";
import { DatePrecision, DeploymentStatus, OperatorRole, SourceKind, Technology } from "@/lib/db/enums";
import { BASES, BUSINESS_TECHNOLOGIES, LEVELS } from "@/lib/levels/levels";
import { NEXT_STEP_KINDS } from "@/lib/levels/next-steps";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: "Date ISO 8601 (AAAA-MM-JJ)", example: "2026-11-15" });
const latitude = z.number().min(-90).max(90).meta({ description: "Latitude WGS84" });
const longitude = z.number().min(-180).max(180).meta({ description: "Longitude WGS84" });

export const ZTechnology = z.enum(Technology).meta({ id: "Technology", description: "FTTH, FTTH_PRO (FttH avec service entreprise), FTTE (fibre dédiée sur réseau mutualisé), FTTO (fibre dédiée sur réseau dédié)" });
export const ZStatus = z.enum(DeploymentStatus).meta({ id: "Status", description: "État du déploiement (vocabulaire commun à toutes les sources)" });

export const ZLevel = z.enum(LEVELS).meta({
  id: "Level",
  description:
    "Niveau en clair : AVAILABLE (disponible, vous pouvez commander), ON_REQUEST (sur demande : raccordement à la commande, ou FttO sur étude), PLANNED (prévu), NOT_ANNOUNCED (pas d'annonce)",
});
export const ZBasis = z.enum(BASES).meta({
  id: "Basis",
  description:
    "Sur quoi repose le niveau : SOURCE (un fichier ou une publication l'indique, avec sa date), DIRECTORY (déduit de l'annuaire des opérateurs : FttH pro vendu par un opérateur présent), GENERAL_RULE (règle générale, jamais un fait : FttO sur étude sans source), NONE (aucune source, aucune règle)",
});

export const ZProblem = z
  .object({
    type: z.string().meta({ format: "uri-reference", description: "Le type d'erreur : une section de la page /api (/api#erreur-…)", example: "/api#erreur-bad-request" }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().meta({ description: "Explication en français" }),
    invalid_params: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "Erreur au format RFC 9457 (application/problem+json)" });

const ZSource = z
  .object({ kind: z.enum(SourceKind), name: z.string().meta({ example: "IPE LIAIN" }), date: isoDate })
  .meta({ id: "Source", description: "D'où vient l'information : type de source, nom, date du fichier ou de la publication" });

const ZOperator = z.object({ code: z.string().meta({ example: "FRTE" }), name: z.string().meta({ example: "Orange" }), role: z.enum(OperatorRole) });

export const ZSearchResult = z
  .object({
    type: z.enum(["address", "zone", "commune", "establishment"]),
    id: z.string().meta({ description: "Identifiant BAN, identifiant de zone, code INSEE ou SIRET (14 chiffres)" }),
    label: z.string().meta({ description: "Pour un établissement : son nom et son adresse (sa commune quand l'adresse n'est pas rapprochée)" }),
    lat: latitude.nullable(),
    lon: longitude.nullable(),
    url: z.string().meta({ description: "Chemin de la page publique (/etablissement/{siret} pour un établissement)" }),
    inseeCode: z.string().optional(),
    name: z.string().optional(),
    communeName: z.string().nullable().optional(),
    departementCode: z.string().optional(),
    postcodes: z.array(z.string()).optional(),
    population: z.number().int().nullable().optional(),
    siren: z.string().regex(/^\d{9}$/).optional().meta({ description: "Établissement : le SIREN de son entreprise" }),
    addressId: z.string().nullable().optional().meta({ description: "Établissement : l'adresse BAN liée, null quand son adresse n'a pu être rapprochée d'aucune" }),
  })
  .meta({ id: "SearchResult" });

export const ZSearchResponse = z.object({ query: z.string(), results: z.array(ZSearchResult) }).meta({ id: "SearchResponse" });

const ZBuildingSplit = z
  .object({
    count: z.number().int().min(2).meta({ example: 2, description: "Nombre de bâtiments de l'adresse dont la source retenue donne l'état" }),
    statuses: z
      .array(z.object({ status: ZStatus, statusLabel: z.string().meta({ example: "Raccordable" }), count: z.number().int().min(1) }))
      .meta({ description: "Nombre de bâtiments par état, du plus avancé au moins avancé" }),
    summary: z.string().meta({ example: "2 bâtiments : 1 raccordable, 1 raccordable à la demande. Le niveau indiqué est celui du bâtiment le moins avancé : vérifiez lequel est le vôtre auprès d'un opérateur." }),
  })
  .meta({
    id: "BuildingSplit",
    description:
      "Présent seulement quand la source retenue donne des états différents pour plusieurs bâtiments de l'adresse : le niveau et l'état de la technologie sont alors ceux du bâtiment le moins avancé.",
  });

const ZTechnologyAvailability = z
  .object({
    technology: ZTechnology,
    level: ZLevel,
    levelLabel: z.string().meta({ example: "Prévu au plus tôt le 7 mai 2027", description: "Le niveau en clair avec sa date à sa précision" }),
    basis: ZBasis,
    explanation: z.string().optional().meta({ description: "Pourquoi ce niveau quand ce n'est pas le fait brut d'une source (annuaire, règle générale)" }),
    status: ZStatus.meta({ description: "État détaillé de la source (NON_PREVU quand aucune source) ; pour basis DIRECTORY, celui du FttH dont le niveau est déduit" }),
    statusLabel: z.string().meta({ example: "Raccordable" }),
    since: isoDate.optional().meta({ description: "Disponible depuis" }),
    planned: z.object({ date: isoDate, precision: z.enum(DatePrecision) }).optional().meta({ description: "Ouverture prévue, à sa précision (T2 2027 : date 2027-04-01, précision QUARTER)" }),
    operators: z.array(ZOperator),
    source: ZSource.nullable().meta({ description: "null quand aucune source ne mentionne cette technologie ici" }),
    disagreements: z.array(z.object({ status: ZStatus, statusLabel: z.string(), source: ZSource })).meta({ description: "Sources plus anciennes qui indiquent autre chose" }),
    message: z.string().optional().meta({ description: "Message aux entreprises de la collectivité qui a publié l'information retenue" }),
    buildings: ZBuildingSplit.optional(),
  })
  .meta({ id: "TechnologyAvailability" });

export const ZAddressResponse = z
  .object({
    address: z.object({
      id: z.string().meta({ example: "01053_v001_00012" }),
      label: z.string().meta({ example: "12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse" }),
      number: z.number().int().nullable(),
      suffix: z.string().nullable(),
      street: z.string(),
      postcode: z.string().nullable(),
      inseeCode: z.string(),
      commune: z.string(),
      lat: latitude,
      lon: longitude,
    }),
    zone: z.object({ id: z.string(), name: z.string() }).nullable(),
    headline: z.string().meta({ example: "Vous pouvez commander une offre fibre professionnelle", description: "Le titre de la réponse, écrit autour du besoin de l'entreprise" }),
    headlineDetail: z.string(),
    technologies: z.array(ZTechnologyAvailability),
    nextSteps: z
      .array(
        z.object({
          kind: z.enum(NEXT_STEP_KINDS),
          label: z.string(),
          name: z.string().optional().meta({ description: "L'opérateur ou l'organisation concerné" }),
          url: z.string().optional().meta({ description: "Lien : page d'offres, site, ou chemin d'une page du portail" }),
          testerUrl: z.string().optional().meta({ description: "Test d'éligibilité de l'opérateur" }),
          email: z.string().optional(),
          phone: z.string().optional(),
        }),
      )
      .min(1)
      .meta({ description: "« Que faire maintenant ? » : jamais vide (REPORT et GUIDE toujours présents)" }),
    buildings: z.array(
      z.object({ id: z.string(), lat: latitude, lon: longitude, status: ZStatus.nullable(), dwellings: z.number().int().nullable(), source: z.string() }),
    ),
  })
  .meta({ id: "AddressResponse" });

export const ZCoverage = z
  .object({
    addresses: z.number().int(),
    technologies: z.array(
      z.object({
        technology: ZTechnology,
        levels: z
          .array(z.object({ level: ZLevel, basis: ZBasis, count: z.number().int(), percent: z.number() }))
          .meta({ description: "Adresses par niveau et par base (chaque adresse comptée une fois par technologie) ; la règle générale est distinguée (basis GENERAL_RULE)" }),
        statuses: z.array(z.object({ status: ZStatus, statusLabel: z.string(), count: z.number().int(), percent: z.number() })),
      }),
    ),
    sources: z.array(z.object({ name: z.string(), date: isoDate.nullable() })),
  })
  .meta({ id: "Coverage", description: "Adresses par technologie et état, selon l'information la plus récente pour chaque adresse" });

const ZScheduleEntry = ZTechnologyAvailability.omit({ disagreements: true, basis: true, explanation: true, buildings: true }).extend({ source: ZSource });

export const ZZoneResponse = z
  .object({
    zone: z.object({
      id: z.string().meta({ example: "01053_SITE-ECO_00001" }),
      name: z.string(),
      type: z.string(),
      state: z.string(),
      vocation: z.string().nullable(),
      inseeCode: z.string(),
      commune: z.string().nullable(),
      epci: z.object({ siren: z.string(), name: z.string().nullable() }).nullable(),
      areaHa: z.number().nullable(),
      contact: z.string().nullable(),
      archived: z.boolean(),
      updatedAt: z.string().meta({ description: "Date-heure ISO 8601" }),
      bbox: z.tuple([longitude, latitude, longitude, latitude]),
      outline: z.object({ type: z.string(), coordinates: z.array(z.any()) }).meta({ description: "Géométrie GeoJSON (WGS84)" }),
    }),
    coverage: ZCoverage,
    schedule: z.array(ZScheduleEntry).meta({ description: "Ce que le gestionnaire a publié pour toute la zone" }),
  })
  .meta({ id: "ZoneResponse" });

export const ZZoneAddressesResponse = z
  .object({
    zone: z.object({ id: z.string(), name: z.string() }),
    technology: ZTechnology,
    items: z.array(z.object({ id: z.string(), label: z.string(), lat: latitude, lon: longitude, level: ZLevel, status: ZStatus, statusLabel: z.string() })),
    nextCursor: z.string().nullable().meta({ description: "À passer en paramètre cursor pour la page suivante ; null à la fin" }),
  })
  .meta({ id: "ZoneAddressesResponse" });

export const ZCommuneResponse = z
  .object({
    commune: z.object({
      inseeCode: z.string().meta({ example: "01053" }),
      name: z.string(),
      kind: z.enum(["commune", "arrondissement"]),
      parent: z.object({ inseeCode: z.string(), name: z.string() }).nullable(),
      departement: z.object({ code: z.string(), name: z.string() }),
      region: z.object({ code: z.string(), name: z.string() }),
      epci: z.object({ siren: z.string(), name: z.string(), type: z.string() }).nullable(),
      population: z.number().int().nullable(),
      postcodes: z.array(z.string()),
      lat: latitude.nullable(),
      lon: longitude.nullable(),
    }),
    coverage: ZCoverage,
    zones: z.array(z.object({ id: z.string(), name: z.string(), state: z.string() })),
  })
  .meta({ id: "CommuneResponse" });

export const ZMapResponse = z
  .object({
    zones: z.array(z.object({ id: z.string(), name: z.string(), lat: latitude, lon: longitude, outline: z.object({ type: z.string(), coordinates: z.array(z.any()) }).nullable() })),
    clusters: z
      .array(
        z.object({
          lat: latitude,
          lon: longitude,
          count: z.number().int(),
          levels: z.record(z.string(), z.number().int()).meta({ description: "Immeubles par niveau" }),
          statuses: z.record(z.string(), z.number().int()),
        }),
      )
      .nullable(),
    buildings: z.array(z.object({ id: z.string(), lat: latitude, lon: longitude, level: ZLevel, status: ZStatus, addressId: z.string().nullable() })).nullable(),
    truncated: z.boolean(),
  })
  .meta({ id: "MapResponse" });

export const ZHealthResponse = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    version: z.string(),
    database: z.object({
      provider: z.enum(["sqlite", "postgresql"]),
      reachable: z.boolean().meta({ description: "La base répond à une lecture" }),
      latencyMs: z.number().nullable().meta({ description: "Durée de cette lecture, en millisecondes" }),
      writable: z.boolean().meta({ description: "Une écriture pourrait commencer maintenant (sondage sans rien écrire)" }),
      writeCheck: z.enum(["ok", "busy", "refused", "timeout"]).meta({
        description:
          "ok : écriture possible ; busy : verrou d'écriture pris (un import de fichier, SQLite) ; refused : la base refuse les écritures (fichier en lecture seule, supprimé ou remplacé, serveur en lecture seule ou de secours) ; timeout : pas de réponse à temps",
      }),
      busySeconds: z.number().int().nullable().meta({ description: "Depuis combien de secondes le verrou d'écriture est pris (SQLite), sinon null" }),
    }),
    replica: z
      .object({
        status: z.enum(["ok", "lagging", "down"]).meta({
          description: "ok : les lectures publiques vont au réplica ; lagging ou down : elles vont au primaire",
        }),
        lagSeconds: z.number().nullable().meta({ description: "Retard de rejeu du réplica à la dernière mesure, en secondes" }),
        checkedAt: z.string().nullable().meta({ description: "Date de la dernière mesure (ISO 8601)" }),
        error: z.string().optional(),
      })
      .optional()
      .meta({ description: "Présent avec DATABASE_READ_URL : l'état du réplica de lecture" }),
  })
  .meta({ id: "HealthResponse" });

export const ZNearestAddressResponse = z
  .object({
    address: z.object({ id: z.string(), label: z.string(), inseeCode: z.string(), lat: latitude, lon: longitude }),
    distance: z.number().meta({ description: "Distance au point demandé, en mètres" }),
  })
  .meta({ id: "NearestAddressResponse" });

export const ZZoneListResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        state: z.string(),
        inseeCode: z.string(),
        commune: z.string().nullable(),
        epciSiren: z.string().nullable(),
        bbox: z.tuple([longitude, latitude, longitude, latitude]),
      }),
    ),
    nextCursor: z.string().nullable().meta({ description: "À passer en paramètre cursor pour la page suivante ; null à la fin" }),
  })
  .meta({ id: "ZoneListResponse" });

export const ZOperatorListResponse = z
  .object({
    items: z.array(
      z.object({
        code: z.string().meta({ description: "Code tel que les fichiers le citent (IPE CodeOI, Arcep code_l331, MCI code_operateur)" }),
        name: z.string().meta({ description: "Nom de l'annuaire, sinon du référentiel Arcep ; « opérateur XXXX (code non référencé) » sinon" }),
        role: z.enum(OperatorRole),
        website: z.string().nullable(),
        offersUrl: z.string().nullable().meta({ description: "Page des offres entreprises" }),
        eligibilityUrl: z.string().nullable().meta({ description: "Test d'éligibilité" }),
        technologies: z.array(z.enum(BUSINESS_TECHNOLOGIES)).meta({ description: "Technologies entreprises vendues (annuaire)" }),
        territories: z
          .object({ national: z.boolean(), departements: z.array(z.string()) })
          .nullable()
          .meta({ description: "Où il les vend (annuaire) : toute la France, ou des départements ; null quand le code n'est pas dans l'annuaire" }),
        isDemo: z.boolean().meta({ description: "Fiche de démonstration" }),
      }),
    ),
  })
  .meta({ id: "OperatorListResponse" });

export const ZExportMetadata = z
  .object({
    title: z.string(),
    territory: z.object({ kind: z.enum(["commune", "epci", "zone", "departement"]), id: z.string(), name: z.string() }),
    licence: z.object({ name: z.string(), url: z.string() }),
    producer: z.string(),
    generatedAt: z.string().meta({ description: "Date-heure ISO 8601 de production" }),
    sources: z.array(z.object({ name: z.string(), date: isoDate.nullable() })),
    files: z.object({ csv: z.string(), geojson: z.string() }),
    csv: z.object({ delimiter: z.string(), encoding: z.string(), columns: z.array(z.object({ name: z.string(), description: z.string() })) }),
  })
  .meta({ id: "ExportMetadata", description: "Ce que contient un export : territoire, licence, sources et dates, colonnes du CSV" });

export const ZGeoJsonExport = z
  .object({
    type: z.literal("FeatureCollection"),
    metadata: ZExportMetadata,
    features: z.array(
      z.object({
        type: z.literal("Feature"),
        id: z.string(),
        geometry: z.object({ type: z.literal("Point"), coordinates: z.tuple([longitude, latitude]) }),
        properties: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: "GeoJsonExport", description: "Une entité Point par adresse ; properties.technologies donne, par technologie, statut, date, précision, source et date de la source" });

export const ZCsvExport = z.string().meta({ id: "CsvExport", description: "CSV séparé par des points-virgules, UTF-8 avec BOM, une ligne par adresse (colonnes : voir /api/v1/exports/metadata) ; les codes sont du texte : dans Excel, importez-les en type Texte pour garder leurs zéros initiaux" });

const ZChangeState = z.object({ level: z.enum(LEVELS), status: z.enum(DeploymentStatus) });

export const ZChangesResponse = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(["address", "zone"]).meta({ description: "Une adresse (id : identifiant BAN) ou une zone d'activités (id : site_id)" }),
        id: z.string().meta({ example: "01053_v001_00012" }),
        technology: ZTechnology,
        level: z.enum(LEVELS).nullable().meta({ description: "Niveau de l'état de la source (null : la source ne dit plus rien, retrait)" }),
        status: z.enum(DeploymentStatus).nullable().meta({ description: "État détaillé de la source (null : retrait)" }),
        previous: ZChangeState.nullable().meta({ description: "Ce que la source disait avant ; null pour un premier fait (ou un retour après retrait)" }),
        source: z.object({ kind: z.enum(SourceKind), name: z.string().meta({ example: "IPE LIAIN" }) }),
        changedAt: z.string().meta({ description: "Date-heure ISO 8601 du changement (de l'import ou de la publication)", example: "2026-11-23T08:00:00.000Z" }),
      }),
    ),
    nextCursor: z.string().nullable().meta({ description: "À passer en paramètre cursor pour la page suivante ; null à la fin (repartez alors de since)" }),
  })
  .meta({ id: "ChangeList", description: "Les changements, du plus ancien au plus récent" });
