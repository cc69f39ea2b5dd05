import { PageNotFound } from "@/components/layout/page-not-found";

/**
 * The site's 404, inside the public frame this segment already has: a malformed, unknown or
 * non-diffusible SIRET all read exactly like any page that does not exist.
 */
export default function EstablishmentNotFound() {
  return <PageNotFound />;
}
