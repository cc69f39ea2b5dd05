/**
 * BAN — Base Adresse Nationale CSV export (adresses-XX.csv, .csv.gz): `;`, UTF-8, one line per
 * address; `id` is the interoperability key and our address id.
 */
import { AddressWriter } from "@/lib/import/address-writer";
import { readCsv } from "@/lib/import/csv";
import { fieldTooLong, loadCommunes, parseInteger } from "@/lib/import/line-checks";
import { outsideTerritory } from "@/lib/import/territory";
import type { Importer } from "@/lib/import/types";
import { settlingOnFailure } from "@/lib/import/write-pipeline";
import { parseDecimal, toWgs84 } from "@/lib/geo/projection";
import { normalizeSuffix } from "@/lib/text/street";

const REQUIRED = ["id", "numero", "nom_voie", "code_postal", "code_insee", "nom_commune"] as const;
const POSITION = { name: "de position", anyOf: [["lon", "lat"], ["x", "y"]] };

/**
 * The BAN export of 2015–2018 (`id;nom_voie;id_fantoir;numero;rep;code_insee;code_post;…`) is
 * refused: its ids are IGN ids (ADRNIVX_…), not the interoperability keys our addresses are known
 * by (in URLs, and to the BAL and the current BAN), so its addresses would duplicate the current ones.
 */
export function legacyBanRefusal(columns: ReadonlySet<string>): string | null {
  return columns.has("code_post") && columns.has("id_fantoir") && !columns.has("code_postal")
    ? "est un export BAN de l'ancien format (2015–2018, identifiants ADRNIVX_…), qui ne donne pas les identifiants des adresses d'aujourd'hui : importez le fichier BAN actuel (adresses-<département>.csv.gz sur adresse.data.gouv.fr)."
    : null;
}

/** <INSEE>_<voie>_<numero on 5 digits>[_<suffix>] */
const BAN_ID = /^[0-9][0-9AB][0-9]{3}_[A-Za-z0-9]+_[0-9]{5}(_[A-Za-z0-9]+)?$/;

/** Numbers 0 and 99999 stand for a named place without a number. */
const NO_NUMBER = new Set([0, 99999]);

export const banImporter: Importer = {
  format: "ban",
  label: "BAN (adresses)",
  sourceKind: "BAN",
  reportsUnmatched: false,
  defaultSourceName: () => "Base Adresse Nationale",

  async run(context) {
    const { report } = context;
    const communes = await loadCommunes(context.store);
    const writer = new AddressWriter(context, "BAN");

    await settlingOnFailure(writer, async () => {
      for await (const record of readCsv(context.source, {
        label: "BAN (adresses)",
        delimiter: ";",
        required: REQUIRED,
        requiredGroups: [POSITION],
        refuseHeader: legacyBanRefusal,
      })) {
        context.tick();
        const id = record.get("id");
        const reject = (reason: string) => report.reject(record.line, id, reason);

        const tooLong = fieldTooLong(record);
        if (tooLong) {
          reject(tooLong);
          continue;
        }
        if (!BAN_ID.test(id)) {
          reject(id ? `identifiant BAN invalide : "${id}"` : "id manquant");
          continue;
        }
        const inseeCode = record.get("code_insee");
        const commune = communes.get(inseeCode);
        if (!commune) {
          reject(`code INSEE inconnu : "${inseeCode}"`);
          continue;
        }
        const outside = outsideTerritory(context.territory, inseeCode);
        if (outside) {
          reject(outside);
          continue;
        }
        const street = record.get("nom_voie");
        if (!street) {
          reject("nom_voie manquant");
          continue;
        }
        const number = parseInteger(record.get("numero"));
        if (Number.isNaN(number)) {
          reject(`numero invalide : "${record.get("numero")}"`);
          continue;
        }
        const position = readPosition(record.get("lon"), record.get("lat"), record.get("x"), record.get("y"));
        if (!position) {
          reject("coordonnées absentes ou invalides (lon/lat ou x/y)");
          continue;
        }
        const postcode = record.get("code_postal");
        if (postcode && !/^\d{5}$/.test(postcode)) {
          reject(`code_postal invalide : "${postcode}"`);
          continue;
        }

        await writer.add(record.line, {
          id,
          number: number === null || NO_NUMBER.has(number) ? null : number,
          suffix: normalizeSuffix(record.get("rep")),
          street,
          locality: record.get("nom_ld") || null,
          postcode: postcode || null,
          inseeCode,
          communeName: record.get("nom_commune") || commune.name,
          lat: position.lat,
          lon: position.lon,
        });
      }
      await writer.finish();
    });
  },
};

/** lon/lat when given; else Lambert-93 x/y (mainland BAN files carry both). */
export function readPosition(lon: string, lat: string, x: string, y: string): { lon: number; lat: number } | null {
  const wgs = toWgs84(parseDecimal(lon), parseDecimal(lat), "WGS84");
  if (wgs) return wgs;
  return toWgs84(parseDecimal(x), parseDecimal(y), "RGF93");
}
