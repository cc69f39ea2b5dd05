import { SiteFrame } from "@/components/layout/site-frame";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}
