/**
 * A file the importers refuse as a whole (unreadable, empty, binary, wrong format, missing
 * columns): one clear sentence, and the database is left as it was.
 */
export class ImportFileError extends Error {
  override name = "ImportFileError";
}
