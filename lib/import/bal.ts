/**
 * BAL — Base Adresse Locale 1.3 / 1.4 (`;`, UTF-8), published by communes. Checked with our own
 * rules drawn from the BAL specification (cle_interop, numero, voie_nom, commune, position),
 * not with @ban-team/validateur-bal. BAL files carry no postcode: the commune's is used when it
 * has only one.
 */
import { AddressWriter } from "@/lib/import/address-writer";
import { readPosition } from "@/lib/import/ban";
import { readCsv } from "@/lib/import/csv";
import { fieldTooLong, loadCommunes, parseInteger } from "@/lib/import/line-checks";
import { outsideTerritory } from "@/lib/import/territory";
import type { Importer } from "@/lib/import/types";
import { settlingOnFailure } from "@/lib/import/write-pipeline";
import { normalizeSuffix } from "@/lib/text/street";

const REQUIRED = ["cle_interop", "voie_nom", "numero"] as const;
const LABEL = "BAL (Base Adresse Locale)";

/** <INSEE>_<voie>_<numero on 5 digits>[_<suffix>], lower case in the specification. */
const CLE_INTEROP = /^([0-9][0-9ab][0-9]{3})_([a-z0-9]+)_([0-9]{5})(?:_([a-z0-9]+))?$/;
const NAMED_PLACE = 99999;

export const balImporter: Importer = {
  format: "bal",
  label: LABEL,
  sourceKind: "BAL",
  reportsUnmatched: false,
  defaultSourceName: (fileName) => `Base Adresse Locale ${fileName.replace(/\.[^.]+$/, "")}`,

  async run(context) {
    const { report } = context;
    const communes = await loadCommunes(context.store);
    const writer = new AddressWriter(context, "BAL");

    await settlingOnFailure(writer, async () => {
      for await (const record of readCsv(context.source, { label: LABEL, delimiter: ";", required: REQUIRED })) {
        context.tick();
        const key = record.get("cle_interop").toLowerCase();
        const reject = (reason: string) => report.reject(record.line, key, reason);
        const tooLong = fieldTooLong(record);
        if (tooLong) {
          reject(tooLong);
          continue;
        }
        const parts = CLE_INTEROP.exec(key);
        if (!parts) {
          reject(key ? `cle_interop invalide : "${key}"` : "cle_interop manquante");
          continue;
        }
        const inseeCode = (record.get("commune_insee") || parts[1]!).toUpperCase();
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
        const number = parseInteger(record.get("numero"));
        if (number === null || Number.isNaN(number) || number > NAMED_PLACE) {
          reject(`numero invalide : "${record.get("numero")}"`);
          continue;
        }
        if (number !== NAMED_PLACE && Number(parts[3]) !== number) {
          reject(`le numero ${number} ne correspond pas à la cle_interop ${key}`);
          continue;
        }
        const street = record.get("voie_nom");
        if (!street) {
          reject("voie_nom manquant");
          continue;
        }
        const position = readPosition(record.get("long"), record.get("lat"), record.get("x"), record.get("y"));
        if (!position) {
          reject("coordonnées absentes ou invalides (long/lat ou x/y)");
          continue;
        }
        await writer.add(record.line, {
          id: key,
          number: number === NAMED_PLACE || number === 0 ? null : number,
          suffix: normalizeSuffix(record.get("suffixe")),
          street,
          locality: record.get("lieudit_complement_nom") || null,
          postcode: commune.postcodes.length === 1 ? commune.postcodes[0]! : null,
          inseeCode,
          communeName: record.get("commune_nom") || commune.name,
          lat: position.lat,
          lon: position.lon,
        });
      }
      await writer.finish();
    });
  },
};
