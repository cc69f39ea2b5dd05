import { PageNotFound } from "@/components/layout/page-not-found";

/** An unknown zone id: offer the search. */
export default function ZoneNotFound() {
  return <PageNotFound kind="zone" />;
}
