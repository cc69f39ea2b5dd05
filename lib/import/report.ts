/** Counts and line-numbered problems of one import, kept in constant memory. */

export interface ProblemLine {
  line: number;
  /** The line's identifier (BAN id, IdentifiantImmeuble…), "" when it has none. */
  id: string;
  reason: string;
}

/** Rejected: not imported; unmatched: imported without an address; noted: imported, with a remark. */
export type ProblemKind = "rejected" | "unmatched" | "noted";

export interface ImportCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  unmatched: number;
  withdrawn: number;
  /** Lines outside what we keep (copper or radio lines of an eligibility file, BD TOPO places that are not activity zones). */
  skipped: number;
  /** Lines imported with a remark (a value outside the standard kept as written, a ring closed). */
  noted: number;
  /**
   * Lines never stored because their subject refused publication (SIRENE statut de diffusion P, `[ND]`
   * values): a number only — never listed by line or identifier, the report is shown to admins.
   */
  withheld: number;
}

export type Outcome = "created" | "updated" | "unchanged";

/** How many problem lines are kept in memory (the CLI's --report file gets every one). */
export const KEPT_PROBLEMS = 1_000;

export class ImportReport {
  readonly counts: ImportCounts = { read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, unmatched: 0, withdrawn: 0, skipped: 0, noted: 0, withheld: 0 };
  private readonly kept: Record<ProblemKind, ProblemLine[]> = { rejected: [], unmatched: [], noted: [] };

  constructor(private readonly onProblem?: (kind: ProblemKind, problem: ProblemLine) => void) {}

  read(): void {
    this.counts.read += 1;
  }

  count(outcome: Outcome, n = 1): void {
    this.counts[outcome] += n;
  }

  reject(line: number, id: string, reason: string): void {
    this.counts.rejected += 1;
    this.keep("rejected", { line, id, reason });
  }

  /** Imported, but tied to no address: kept with its own position and listed. */
  unmatch(line: number, id: string, reason: string): void {
    this.counts.unmatched += 1;
    this.keep("unmatched", { line, id, reason });
  }

  /** Imported as written, with a remark the report shows (one per remark, a line may have several). */
  note(line: number, id: string, reason: string): void {
    this.counts.noted += 1;
    this.keep("noted", { line, id, reason });
  }

  skip(): void {
    this.counts.skipped += 1;
  }

  /** A line dropped unseen because it may not be published: counted, never kept (see ImportCounts.withheld). */
  withhold(): void {
    this.counts.withheld += 1;
  }

  withdraw(n: number): void {
    this.counts.withdrawn += n;
  }

  /**
   * The first KEPT_PROBLEMS rejected lines of the file, by line number — whatever order they were
   * found in: a batch's duplicates are found while the next lines are being checked.
   */
  get rejected(): ProblemLine[] {
    return firstLines(this.kept.rejected);
  }

  get unmatched(): ProblemLine[] {
    return firstLines(this.kept.unmatched);
  }

  get notes(): ProblemLine[] {
    return firstLines(this.kept.noted);
  }

  private keep(kind: ProblemKind, problem: ProblemLine): void {
    const list = this.kept[kind];
    list.push(problem);
    if (list.length >= 2 * KEPT_PROBLEMS) firstLines(list);
    this.onProblem?.(kind, problem);
  }
}

/** Keeps, in place, the KEPT_PROBLEMS problems of the lowest line numbers, in line order. */
function firstLines(list: ProblemLine[]): ProblemLine[] {
  list.sort((a, b) => a.line - b.line);
  if (list.length > KEPT_PROBLEMS) list.length = KEPT_PROBLEMS;
  return list;
}

export function formatCounts(counts: ImportCounts, options: { withUnmatched: boolean }): string {
  const parts = [
    `read ${counts.read}`,
    `created ${counts.created}`,
    `updated ${counts.updated}`,
    `unchanged ${counts.unchanged}`,
    `rejected ${counts.rejected}`,
  ];
  if (options.withUnmatched) parts.push(`unmatched ${counts.unmatched}`);
  if (counts.withdrawn > 0) parts.push(`withdrawn ${counts.withdrawn}`);
  if (counts.skipped > 0) parts.push(`skipped ${counts.skipped}`);
  if (counts.noted > 0) parts.push(`noted ${counts.noted}`);
  if (counts.withheld > 0) parts.push(`withheld ${counts.withheld} (not diffusible)`);
  return parts.join(", ");
}
