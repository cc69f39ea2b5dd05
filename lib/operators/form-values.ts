/** What the operator directory form starts with: an entry's values, or a new entry prefilled from an unlisted code. */
import type { BusinessTechnology } from "@/lib/levels/levels";
import type { DirectoryEntry } from "@/lib/operators/directory";
import { OPERATOR_CODE_PATTERN } from "@/lib/validation/operators";

export interface DirectoryFormValues {
  /** Set when editing an entry. */
  id?: string;
  name: string;
  /** Codes separated by commas. */
  codes: string;
  website: string;
  offersUrl: string;
  eligibilityUrl: string;
  technologies: readonly BusinessTechnology[];
  coverage: "national" | "departements";
  /** Département codes separated by commas. */
  departements: string;
  isDemo: boolean;
}

export function entryFormValues(entry: DirectoryEntry): DirectoryFormValues {
  return {
    id: entry.id,
    name: entry.name,
    codes: entry.codes.join(", "),
    website: entry.website ?? "",
    offersUrl: entry.offersUrl ?? "",
    eligibilityUrl: entry.eligibilityUrl ?? "",
    technologies: entry.technologies,
    coverage: entry.isNational ? "national" : "departements",
    departements: entry.departements.join(", "),
    isDemo: entry.isDemo,
  };
}

/** A new entry, prefilled from the query string (?code=…&nom=…); anything that is not a plausible code or name is dropped. */
export function newEntryFormValues(prefill: { code?: unknown; nom?: unknown }): DirectoryFormValues {
  const code = typeof prefill.code === "string" ? prefill.code.trim().toUpperCase() : "";
  const name = typeof prefill.nom === "string" ? prefill.nom.replace(/[\u0000-\u001f\u007f]+/g, " ").trim().slice(0, 120) : "";
  return {
    name,
    codes: OPERATOR_CODE_PATTERN.test(code) ? code : "",
    website: "",
    offersUrl: "",
    eligibilityUrl: "",
    technologies: [],
    coverage: "national",
    departements: "",
    isDemo: false,
  };
}
