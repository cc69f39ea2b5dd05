/**
 * The operator directory as pages read it (PRODUCT.md, "Operator directory"): which company a
 * code belongs to, the name businesses know, what it sells and where. Pure: built once per request
 * from the database (lib/data/operator-directory.ts), tested alone.
 */
import type { BusinessTechnology } from "@/lib/levels/levels";

export interface DirectoryEntry {
  id: string;
  name: string;
  website: string | null;
  offersUrl: string | null;
  eligibilityUrl: string | null;
  technologies: BusinessTechnology[];
  isNational: boolean;
  /** Département codes where it sells, when not national. */
  departements: string[];
  isDemo: boolean;
  codes: string[];
}

export interface KnownCode {
  code: string;
  /** The name stored when the code was first cited (the code itself when nothing better was known). */
  name: string;
  directoryOperatorId: string | null;
}

/** « opérateur LIAI (code non référencé) »: a raw code is never shown alone. */
export function unreferencedName(code: string): string {
  return `opérateur ${code} (code non référencé)`;
}

export class OperatorDirectory {
  private readonly entriesById: Map<string, DirectoryEntry>;
  private readonly codes: Map<string, KnownCode>;

  constructor(
    readonly entries: readonly DirectoryEntry[],
    codes: readonly KnownCode[],
    private readonly references: ReadonlyMap<string, string>,
  ) {
    this.entriesById = new Map(entries.map((entry) => [entry.id, entry]));
    this.codes = new Map(codes.map((code) => [code.code, code]));
  }

  entryOf(code: string): DirectoryEntry | null {
    const known = this.codes.get(code);
    return known?.directoryOperatorId ? (this.entriesById.get(known.directoryOperatorId) ?? null) : null;
  }

  /** The directory's name, else Arcep's reference name, else the name the code was cited with. */
  nameOf(code: string): string {
    const entry = this.entryOf(code);
    if (entry) return entry.name;
    const reference = this.references.get(code);
    if (reference) return reference;
    const stored = this.codes.get(code)?.name;
    return stored && stored !== code ? stored : unreferencedName(code);
  }

  /** Whether the entry sells this technology in this département. */
  static sells(entry: DirectoryEntry, technology: BusinessTechnology, departement: string): boolean {
    return entry.technologies.includes(technology) && (entry.isNational || entry.departements.includes(departement));
  }

  /** Codes of the operators selling the technology in the département. */
  sellerCodes(technology: BusinessTechnology, departement: string): Set<string> {
    const codes = new Set<string>();
    for (const entry of this.entries) {
      if (OperatorDirectory.sells(entry, technology, departement)) for (const code of entry.codes) codes.add(code);
    }
    return codes;
  }

  /** Entries selling any of the technologies in the département: local ones first, then by name. */
  sellers(technologies: readonly BusinessTechnology[], departement: string): DirectoryEntry[] {
    return this.entries
      .filter((entry) => technologies.some((technology) => OperatorDirectory.sells(entry, technology, departement)))
      .sort((a, b) => Number(a.isNational) - Number(b.isNational) || a.name.localeCompare(b.name, "fr"));
  }
}
