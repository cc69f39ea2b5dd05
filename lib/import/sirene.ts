/**
 * SIRENE — INSEE's StockEtablissement (CSV, `,`, UTF-8; also .zip as published, or .gz): one line
 * per establishment of France, ~40 M lines. Read as a stream and filtered as early as possible:
 * the département (--departement, from codeCommuneEtablissement) and the organisation's territory
 * first, then the state (only A, active), then the diffusion status.
 *
 * A line whose statutDiffusionEtablissement is not O, or whose names or address hold `[ND]`, is
 * never stored, nor listed: it only adds one to `withheld` (RGPD: a person who refused publication;
 * the report is shown to admins). Every kept establishment is linked to its address by
 * lib/import/sirene-writer.ts, or kept unmatched and listed by SIRET.
 */
import { readCsv, type CsvRecord } from "@/lib/import/csv";
import { fieldTooLong, loadCommunes, parseInteger } from "@/lib/import/line-checks";
import { departementOf, isDiffusible } from "@/lib/import/sirene-fields";
import { EstablishmentWriter, type EstablishmentInput } from "@/lib/import/sirene-writer";
import type { Importer } from "@/lib/import/types";
import { settlingOnFailure } from "@/lib/import/write-pipeline";
import { parseDecimal, toWgs84, type ProjectionName } from "@/lib/geo/projection";

const LABEL = "SIRENE (StockEtablissement)";
const REQUIRED = [
  "siren", "nic", "siret", "statutDiffusionEtablissement", "etatAdministratifEtablissement", "codeCommuneEtablissement",
  "numeroVoieEtablissement", "typeVoieEtablissement", "libelleVoieEtablissement",
] as const;
/** The fields that name or place the establishment: one `[ND]` among them withholds the whole line. */
const PRIVATE_FIELDS = [
  "enseigne1Etablissement", "enseigne2Etablissement", "enseigne3Etablissement", "denominationUsuelleEtablissement",
  "complementAdresseEtablissement", "numeroVoieEtablissement", "indiceRepetitionEtablissement", "typeVoieEtablissement",
  "libelleVoieEtablissement", "codePostalEtablissement", "libelleCommuneEtablissement", "identifiantAdresseEtablissement",
  "coordonneeLambertAbscisseEtablissement", "coordonneeLambertOrdonneeEtablissement",
] as const;
const ACTIVE = "A";

export const sireneImporter: Importer = {
  format: "sirene",
  label: LABEL,
  sourceKind: "SIRENE",
  reportsUnmatched: true,
  defaultSourceName: () => "SIRENE (Insee)",

  async run(context) {
    const { report, departements, territory } = context;
    const communes = await loadCommunes(context.store);
    const writer = new EstablishmentWriter(context);
    /** Without --departement, the départements the file covers: those its lines are in. */
    const covered = new Set<string>();

    await settlingOnFailure(writer, async () => {
      for await (const record of readCsv(context.source, { label: LABEL, delimiter: ",", required: REQUIRED })) {
        context.tick();
        const inseeCode = record.get("codeCommuneEtablissement");
        // Establishments abroad have no commune: not ours to place.
        if (!inseeCode) {
          report.skip();
          continue;
        }
        const departement = departementOf(inseeCode);
        if ((departements && !departements.has(departement)) || (territory && !territory.has(inseeCode))) {
          report.skip();
          continue;
        }
        if (!departements) covered.add(departement);
        if (record.get("etatAdministratifEtablissement") !== ACTIVE) {
          report.skip();
          continue;
        }
        if (!isDiffusible(record.get("statutDiffusionEtablissement"), PRIVATE_FIELDS.map((field) => record.get(field)))) {
          report.withhold();
          continue;
        }
        const checked = checkLine(record, communes);
        if ("reason" in checked) {
          report.reject(record.line, checked.siret, checked.reason);
          continue;
        }
        await writer.add(record.line, checked.siret, checked);
      }
      await writer.flush();
    });
    await writer.withdrawUnseen(departements ? [...departements] : [...covered]);
  },
};

const DIGITS = (length: number) => new RegExp(`^\\d{${length}}$`);
const SIREN = DIGITS(9);
const NIC = DIGITS(5);
const POSTCODE = DIGITS(5);

/** The establishment a diffusible, active line describes, or why it is rejected (with its SIRET, which may be shown). */
function checkLine(record: CsvRecord, communes: ReadonlyMap<string, { name: string }>): EstablishmentInput | { siret: string; reason: string } {
  const siret = record.get("siret");
  const reject = (reason: string) => ({ siret, reason });
  const tooLong = fieldTooLong(record);
  if (tooLong) return reject(tooLong);
  const siren = record.get("siren");
  const nic = record.get("nic");
  if (!SIREN.test(siren)) return reject(`siren invalide : "${siren}"`);
  if (!NIC.test(nic) || siret !== `${siren}${nic}`) return reject(`siret invalide : "${siret}" (siren ${siren} + nic ${nic} attendus)`);
  const inseeCode = record.get("codeCommuneEtablissement");
  const commune = communes.get(inseeCode);
  if (!commune) return reject(`codeCommuneEtablissement inconnu : "${inseeCode}"`);
  const number = parseInteger(record.get("numeroVoieEtablissement"));
  if (Number.isNaN(number)) return reject(`numeroVoieEtablissement invalide : "${record.get("numeroVoieEtablissement")}"`);
  const postcode = record.get("codePostalEtablissement");
  if (postcode && !POSTCODE.test(postcode)) return reject(`codePostalEtablissement invalide : "${postcode}"`);
  const position = filePosition(inseeCode, record.get("coordonneeLambertAbscisseEtablissement"), record.get("coordonneeLambertOrdonneeEtablissement"));
  if (position === "invalid") return reject("coordonnées invalides (coordonneeLambertAbscisse/OrdonneeEtablissement)");
  const text = (column: string) => record.get(column) || null;
  return {
    siret,
    siren,
    tradeName: text("enseigne1Etablissement") ?? text("denominationUsuelleEtablissement"),
    activityCode: text("activitePrincipaleEtablissement"),
    headcountBand: text("trancheEffectifsEtablissement") === "NN" ? null : text("trancheEffectifsEtablissement"),
    number: number === 0 ? null : number,
    suffix: text("indiceRepetitionEtablissement"),
    streetType: text("typeVoieEtablissement"),
    street: text("libelleVoieEtablissement"),
    postcode: postcode || null,
    inseeCode,
    communeName: text("libelleCommuneEtablissement") ?? commune.name,
    sourceAddressId: text("identifiantAdresseEtablissement"),
    lat: position?.lat ?? null,
    lon: position?.lon ?? null,
  };
}

/**
 * The system INSEE's "Lambert" coordinates are in: Lambert-93 (EPSG:2154) in mainland France and
 * Corsica, the local UTM system overseas; none we convert for the Antilles (UTM 20N): no position.
 */
function projectionOf(inseeCode: string): ProjectionName | null {
  const departement = departementOf(inseeCode);
  if (!departement.startsWith("97")) return "RGF93";
  return ({ "973": "RGFG95", "974": "RGR92", "976": "RGM04" } as const)[departement as "973"] ?? null;
}

/** The line's position in WGS84; null when absent, "invalid" when unreadable. */
function filePosition(inseeCode: string, x: string, y: string): { lat: number; lon: number } | null | "invalid" {
  if (!x && !y) return null;
  const projection = projectionOf(inseeCode);
  if (!projection) return null;
  return toWgs84(parseDecimal(x), parseDecimal(y), projection) ?? "invalid";
}
