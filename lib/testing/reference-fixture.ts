/** A small territory in the shape of @etalab/decoupage-administratif, for tests that need communes. */
import type { ReferenceSource } from "@/lib/reference/decoupage";

export function referenceFixture(): ReferenceSource {
  return {
    regions: [
      { code: "84", nom: "Auvergne-Rhône-Alpes" },
      { code: "28", nom: "Normandie" },
      { code: "11", nom: "Île-de-France" },
    ],
    departements: [
      { code: "42", nom: "Loire", region: "84" },
      { code: "69", nom: "Rhône", region: "84" },
      { code: "76", nom: "Seine-Maritime", region: "28" },
      { code: "91", nom: "Essonne", region: "11" },
      { code: "01", nom: "Ain", region: "84" },
    ],
    epcis: [
      { code: "244200770", nom: "Saint-Étienne Métropole", type: "METRO", populationMunicipale: 404_000, membres: [{ code: "42218" }, { code: "42207" }] },
      { code: "200046977", nom: "Métropole de Lyon", type: "MET69", populationMunicipale: 1_400_000, membres: [{ code: "69123" }, { code: "69202" }] },
    ],
    communes: [
      { code: "42218", nom: "Saint-Étienne", type: "commune-actuelle", departement: "42", region: "84", codesPostaux: ["42000", "42100", "42230"], population: 173_136 },
      { code: "42207", nom: "Saint-Chamond", type: "commune-actuelle", departement: "42", region: "84", codesPostaux: ["42400"], population: 35_000 },
      { code: "42279", nom: "Saint-Étienne-le-Molard", type: "commune-actuelle", departement: "42", region: "84", codesPostaux: ["42130"], population: 1_000 },
      { code: "76575", nom: "Saint-Étienne-du-Rouvray", type: "commune-actuelle", departement: "76", region: "28", codesPostaux: ["76800"], population: 29_518 },
      { code: "69123", nom: "Lyon", type: "commune-actuelle", departement: "69", region: "84", codesPostaux: ["69001", "69002"], population: 520_000 },
      { code: "69381", nom: "Lyon 1er Arrondissement", type: "arrondissement-municipal", commune: "69123", departement: "69", region: "84", codesPostaux: ["69001"], population: 29_000 },
      { code: "69202", nom: "Sainte-Foy-lès-Lyon", type: "commune-actuelle", departement: "69", region: "84", codesPostaux: ["69110"], population: 22_000 },
      { code: "91228", nom: "Évry-Courcouronnes", type: "commune-actuelle", departement: "91", region: "11", codesPostaux: ["91000", "91080"], population: 67_000 },
      { code: "76001", nom: "Ételan-Étienne", type: "commune-actuelle", departement: "76", region: "28", codesPostaux: ["76170"] },
      { code: "42999", nom: "Ancienne-Commune", type: "commune-deleguee", departement: "42", region: "84" },
      { code: "01053", nom: "Bourg-en-Bresse", type: "commune-actuelle", departement: "01", region: "84", codesPostaux: ["01000"], population: 41_000 },
      { code: "01002", nom: "L'Abergement-de-Varey", type: "commune-actuelle", departement: "01", region: "84", codesPostaux: ["01640"], population: 250 },
    ],
  };
}
