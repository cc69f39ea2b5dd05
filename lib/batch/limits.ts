/** The documented limits of a batch check (README, /api, /verifier-une-liste); over them: 413. */
export interface BatchLimits {
  /** Bytes of the uploaded file. */
  fileBytes: number;
  /** Data lines (the header not counted). */
  lines: number;
  /** Bytes of one line. */
  lineBytes: number;
  /** Columns of the header. */
  columns: number;
}

export const BATCH_LIMITS: BatchLimits = { fileBytes: 50 * 1024 * 1024, lines: 100_000, lineBytes: 8 * 1024, columns: 100 };

/** Lines resolved together: one SIRET query, one level query set per chunk. */
export const BATCH_CHUNK_LINES = 500;
