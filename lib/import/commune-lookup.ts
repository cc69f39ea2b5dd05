/**
 * The commune of a line that gives a postcode and a commune name but no INSEE code (the Arcep Carte
 * fibre file of 2020): the commune of that postcode with that name; else the postcode's only
 * commune (the name may be a former or delegated commune's); else the one commune of that name in
 * the postcode's département. Null when none of these is certain.
 */
import { expandCommuneAbbreviations, normalizeText } from "@/lib/text/normalize";

export interface CommuneEntry {
  name: string;
  postcodes: readonly string[];
}

/** The search's normalisation with "St"/"Ste" spelt out: "Saint-Étienne" = "ST ETIENNE". */
function communeNameKey(name: string): string {
  return expandCommuneAbbreviations(normalizeText(name).split(" ")).join(" ");
}

export class CommuneLookup {
  private readonly byPostcode = new Map<string, { inseeCode: string; key: string }[]>();
  private readonly byName = new Map<string, string[]>();

  constructor(communes: ReadonlyMap<string, CommuneEntry>) {
    for (const [inseeCode, commune] of communes) {
      const key = communeNameKey(commune.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), inseeCode]);
      for (const postcode of commune.postcodes) this.byPostcode.set(postcode, [...(this.byPostcode.get(postcode) ?? []), { inseeCode, key }]);
    }
  }

  find(postcode: string, name: string): string | null {
    const key = communeNameKey(name);
    const candidates = this.byPostcode.get(postcode.trim()) ?? [];
    const named = candidates.filter((candidate) => candidate.key === key);
    if (named.length === 1) return named[0]!.inseeCode;
    if (candidates.length === 1) return candidates[0]!.inseeCode;
    const department = postcode.trim().slice(0, 2);
    const sameName = (this.byName.get(key) ?? []).filter((inseeCode) => department === "20" ? /^2[AB]/.test(inseeCode) : inseeCode.startsWith(department));
    return sameName.length === 1 ? sameName[0]! : null;
  }
}
