/** Every importer, by the format name the CLI and the admin upload use. */
import { arcepBuildingsImporter } from "@/lib/import/arcep-immeubles";
import { arcepMciImporter } from "@/lib/import/arcep-mci";
import { arcepOperatorsImporter } from "@/lib/import/arcep-operateurs";
import { balImporter } from "@/lib/import/bal";
import { banImporter } from "@/lib/import/ban";
import { ipeImporter } from "@/lib/import/ipe";
import { sireneImporter } from "@/lib/import/sirene";
import { sireneUnitsImporter } from "@/lib/import/sirene-unites";
import { zonesImporter } from "@/lib/import/zones";
import type { ImportFormat, Importer } from "@/lib/import/types";

const IMPORTERS: Partial<Record<ImportFormat, Importer>> = {
  ban: banImporter,
  bal: balImporter,
  ipe: ipeImporter,
  "arcep-immeubles": arcepBuildingsImporter,
  "arcep-mci": arcepMciImporter,
  zones: zonesImporter,
  "arcep-operateurs": arcepOperatorsImporter,
  sirene: sireneImporter,
  "sirene-unites": sireneUnitsImporter,
};

export function importerFor(format: ImportFormat): Importer {
  const importer = IMPORTERS[format];
  if (!importer) throw new Error(`The ${format} importer is not available yet.`);
  return importer;
}

export function availableFormats(): ImportFormat[] {
  return Object.keys(IMPORTERS) as ImportFormat[];
}
