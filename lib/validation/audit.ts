import { z } from "zod";

const optionalText = z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined), z.string().max(200).optional());
const optionalDay = z.preprocess((value) => (typeof value === "string" && value !== "" ? value : undefined), z.iso.date().optional());

/** Filters of the audit log page (query string). */
export const ZAuditQuery = z.object({
  action: optionalText,
  type: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["publication", "zone", "import", "user", "organisation", "report", "operator"]).optional()),
  qui: optionalText,
  du: optionalDay,
  au: optionalDay,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
