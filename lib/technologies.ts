import type { Technology } from "@/lib/db/enums";

/** The names and plain-French explanations the UI uses for each technology (PRODUCT.md). */
export const TECHNOLOGY_INFO: Readonly<Record<Technology, { name: string; summary: string; details: string }>> = {
  FTTH: {
    name: "FttH",
    summary: "Fibre mutualisée grand public",
    details: "Partagée entre les abonnés, débit non garanti, pas de délai de rétablissement garanti en cas de panne.",
  },
  FTTH_PRO: {
    name: "FttH pro",
    summary: "Fibre mutualisée avec service entreprise",
    details:
      "Le réseau FttH avec un support prioritaire, parfois un débit en partie garanti, et une réparation le jour ouvré suivant.",
  },
  FTTE: {
    name: "FttE",
    summary: "Fibre dédiée sur réseau mutualisé",
    details:
      "Une fibre réservée à votre entreprise de bout en bout sur le réseau FttH, avec de meilleures garanties de réparation que le FttH.",
  },
  FTTO: {
    name: "FttO",
    summary: "Fibre dédiée sur réseau dédié",
    details:
      "Débit symétrique garanti et garantie de temps de rétablissement (GTR) de 4 heures : la réparation intervient en moins de 4 heures. C'est l'offre la plus chère.",
  },
};

export const TECHNOLOGIES = Object.keys(TECHNOLOGY_INFO) as Technology[];
