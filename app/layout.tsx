import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Fibre Pro — la fibre pour les entreprises", template: "%s — Fibre Pro" },
  description:
    "Quelle fibre pour votre entreprise, quand et par quels opérateurs ? FttH, FttH pro, FttE et FttO, adresse par adresse et zone par zone, avec la source de chaque information.",
  applicationName: "Fibre Pro",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col font-sans antialiased">{children}</body>
    </html>
  );
}
