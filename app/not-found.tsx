import { PageNotFound } from "@/components/layout/page-not-found";
import { SiteFrame } from "@/components/layout/site-frame";

export const metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <SiteFrame>
      <PageNotFound />
    </SiteFrame>
  );
}
