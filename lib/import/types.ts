import type { SourceKind } from "@/lib/db/enums";
import type { TextSource } from "@/lib/import/file-source";
import type { ImportReport, ProblemKind, ProblemLine } from "@/lib/import/report";
import type { SqlStore } from "@/lib/import/store/sql-store";

export const IMPORT_FORMATS = ["ban", "bal", "ipe", "arcep-immeubles", "arcep-mci", "zones", "arcep-operateurs", "sirene", "sirene-unites"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Formats of national reference data, which no organisation's territory bounds: platform admins only. */
export const NATIONAL_FORMATS: readonly ImportFormat[] = ["arcep-operateurs", "sirene-unites"];

export interface ImportOptions {
  /** "IPE LIAIN", "Communauté d'agglomération X"; default: from the file (name, operator code). */
  sourceName?: string;
  /** Date of the data; default: the YYYYMMDD in the file name, else the file's modification date. */
  fileDate?: Date;
  /** Do everything, report it, then roll back. */
  dryRun?: boolean;
  /** Any rejected line rolls the whole import back. */
  strict?: boolean;
  /** "cli:<login>" or a user id. */
  triggeredBy: string;
  organisationId?: string;
  /**
   * INSEE codes the import may touch (an organisation's territory): lines elsewhere are rejected,
   * and only facts of these communes are withdrawn. Absent: no limit (CLI, platform admins).
   */
  territory?: ReadonlySet<string>;
  /**
   * Départements to read from a national file (SIRENE: "01", "2A", "974"); the other lines are
   * skipped unread, and only these départements' rows are withdrawn. Absent: every département.
   */
  departements?: readonly string[];
  /** Generated demonstration data. */
  isDemo?: boolean;
  /**
   * Import even when every line read is rejected; by default such a file is refused and nothing
   * is applied (it is most likely the wrong file, or the wrong format).
   */
  allowEmpty?: boolean;
  onProblem?: (kind: ProblemKind, problem: ProblemLine) => void;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  rows: number;
  bytesRead: number;
  /** Size on disk; bytesRead may exceed it for compressed files. */
  byteSize: number;
  isCompressed: boolean;
}

/** What an importer gets to do its work, inside the import's one transaction. */
export interface ImportContext {
  store: SqlStore;
  source: TextSource;
  runId: string;
  sourceName: string;
  /** The file name as recorded in provenance ("archive.zip/inner.csv"). */
  fileLabel: string;
  fileDate: Date | null;
  now: Date;
  report: ImportReport;
  /** The communes this import may touch; null: all of them. */
  territory: ReadonlySet<string> | null;
  /** ImportOptions.departements; null: all of them. */
  departements: ReadonlySet<string> | null;
  /** Call once per line read. */
  tick(): void;
}

export interface Importer {
  format: ImportFormat;
  /** "IPE (Interop'Fibre)", for messages: "… n'est pas un fichier <label>". */
  label: string;
  sourceKind: SourceKind;
  /** Whether lines can be imported without an address (the summary then shows `unmatched`). */
  reportsUnmatched: boolean;
  defaultSourceName(fileName: string): string;
  run(context: ImportContext): Promise<void>;
}
