import { headers } from "next/headers";
import { PageNotFound, notFoundKindOf } from "@/components/layout/page-not-found";
import { SiteFrame } from "@/components/layout/site-frame";
import { NOT_FOUND_OF_HEADER } from "@/lib/http/not-found-shell";

export const metadata = { title: "Page introuvable" };

/**
 * Unknown URLs, and the pages whose notFound() the production server renders again here (an
 * unknown address or zone keeps its own words: lib/http/not-found-shell.ts).
 */
export default async function NotFound() {
  const kind = notFoundKindOf((await headers()).get(NOT_FOUND_OF_HEADER));
  return (
    <SiteFrame>
      <PageNotFound kind={kind} />
    </SiteFrame>
  );
}
