/**
 * `npm run demo:data` — writes the demo territory's files (data/demo/) and loads them through
 * the importers, marked as demonstration data, then creates the demo organisations and accounts
 * (lib/demo/accounts.ts). Run after db:setup; running it again changes nothing.
 */
import "@/lib/cli/load-env";
import path from "node:path";
import os from "node:os";
import { runCli } from "@/lib/cli/run";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoAccounts } from "@/lib/demo/accounts";
import { ensureDemoBusinessContent, writeDemoOperatorReference } from "@/lib/demo/business";
import { demoCommunes } from "@/lib/demo/territory";
import { writeDemoFiles } from "@/lib/demo/demo-files";
import { formatCounts } from "@/lib/import/report";
import { runImport } from "@/lib/import/run-import";
import type { ImportFormat } from "@/lib/import/types";
import { readDecoupageAdministratif, toReferenceData } from "@/lib/reference/decoupage";

runCli(async () => {
  const reference = toReferenceData(readDecoupageAdministratif());
  const population = new Map(reference.communes.map((commune) => [commune.inseeCode, commune.population]));
  const communes = demoCommunes(reference).map((commune) => ({ ...commune, population: population.get(commune.inseeCode) ?? null }));
  const dir = path.resolve("data", "demo");
  const files = await writeDemoFiles(dir, communes);
  console.log(`Demo territory: ${communes.length} communes of the Ain, files in ${path.relative(process.cwd(), dir)}/`);

  const steps: [ImportFormat, string, string, Date][] = [
    ["ban", files.ban, "Base Adresse Nationale (démo)", new Date(Date.UTC(2026, 10, 1))],
    ["zones", files.zones, "Zones d'activités de l'Ain (démo)", new Date(Date.UTC(2026, 5, 30))],
    ["arcep-immeubles", files.arcep, "Arcep Carte fibre (démo)", new Date(Date.UTC(2026, 8, 30))],
    ["ipe", files.ipe, "IPE LIAIN (démo)", new Date(Date.UTC(2026, 10, 15))],
    ["arcep-mci", files.mciBuildings, "Arcep Ma connexion internet (démo)", new Date(Date.UTC(2026, 8, 30))],
    ["arcep-mci", files.mciEligibility, "Arcep Ma connexion internet (démo)", new Date(Date.UTC(2026, 8, 30))],
    ["arcep-operateurs", writeDemoOperatorReference(dir), "Arcep référentiel des opérateurs (démo)", new Date(Date.UTC(2026, 8, 30))],
    ["sirene-unites", files.sireneUnites, "SIRENE unités légales (Insee, démo)", new Date(Date.UTC(2026, 10, 1))],
    ["sirene", files.sireneEtablissements, "SIRENE (Insee, démo)", new Date(Date.UTC(2026, 10, 1))],
  ];
  for (const [format, file, sourceName, fileDate] of steps) {
    const result = await runImport(format, file, { sourceName, fileDate, isDemo: true, triggeredBy: `cli:${os.userInfo().username}` });
    console.log(`${format.padEnd(16)} ${formatCounts(result.counts, { withUnmatched: result.reportsUnmatched })}`);
  }

  const created = await ensureDemoAccounts({ id: null, email: "cli:demo-data" });
  console.log(`Demo accounts: ${created.organisations} organisations and ${created.accounts} accounts created; password "${DEMO_PASSWORD}" for ${DEMO_ACCOUNTS.map((account) => account.email).join(", ")}`);
  const business = await ensureDemoBusinessContent();
  console.log(`Demo business content: ${business.operators} directory entries, ${business.contacts} public contacts, ${business.publications} publications created`);
});
