import { HeadingFocus } from "@/components/layout/heading-focus";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";

/** Skip link, header (with the demo notice), main landmark and footer shared by the public pages. */
export function SiteFrame({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a
        href="#contenu"
        className="sr-only z-50 bg-white px-4 py-2 focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        Aller au contenu
      </a>
      <SiteHeader />
      <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none sm:px-6">
        {children}
      </main>
      <SiteFooter />
      <HeadingFocus />
    </>
  );
}
