import { PageNotFound } from "@/components/layout/page-not-found";

/** An unknown BAN id: say what may have happened and offer the search. */
export default function AddressNotFound() {
  return <PageNotFound kind="address" />;
}
