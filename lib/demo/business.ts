import "server-only";
/**
 * The demo's business content, written through the admin's own code paths (no hand-written rows):
 * the operator directory (real operator names and public websites; what each sells and where is
 * demonstration content, marked so), the organisations' public contacts, and publications — two
 * zones with FttE/FttO available naming operators, one zone with a calendar. Created when missing:
 * running the demo again changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { saveDirectoryOperator } from "@/lib/data/operator-directory";
import { setPublicContact } from "@/lib/data/public-contacts";
import { savePublication } from "@/lib/data/publications";
import { loadActor } from "@/lib/data/users";
import { ZDirectoryOperatorForm } from "@/lib/validation/operators";
import { ZPublicationForm } from "@/lib/validation/publications";

/** Arcep-style operator reference of the demo (code → name), loaded by the arcep-operateurs importer. */
export const DEMO_OPERATOR_REFERENCE: readonly [string, string][] = [
  ["BOUY", "Bouygues Telecom"],
  ["FREE", "Free"],
  ["FRTE", "Orange"],
  ["SFR0", "SFR"],
  ["LIAI", "LIAIN (Syndicat intercommunal d'énergie et de e-communication de l'Ain)"],
  ["COVA", "Covage"],
  ["AXIO", "Axione"],
];

export function writeDemoOperatorReference(dir: string): string {
  const file = path.join(dir, "operateurs-arcep-demo.csv");
  fs.writeFileSync(file, ["code_operateur;nom_operateur", ...DEMO_OPERATOR_REFERENCE.map(([code, name]) => `${code};${name}`)].join("\n") + "\n");
  return file;
}

const DEMO_DIRECTORY = [
  { name: "Orange", codes: "FRTE", website: "https://www.orange.fr", offersUrl: "https://pro.orange.fr", technologies: ["FTTH_PRO", "FTTE", "FTTO"], coverage: "national" },
  { name: "SFR", codes: "SFR0", website: "https://www.sfr.fr", offersUrl: "https://www.sfrbusiness.fr", technologies: ["FTTH_PRO", "FTTE", "FTTO"], coverage: "national" },
  {
    name: "Bouygues Telecom",
    codes: "BOUY",
    website: "https://www.bouyguestelecom.fr",
    offersUrl: "https://www.bouyguestelecom-entreprises.fr",
    technologies: ["FTTH_PRO", "FTTE", "FTTO"],
    coverage: "national",
  },
  { name: "Free", codes: "FREE", website: "https://www.free.fr", offersUrl: "https://pro.free.fr", technologies: ["FTTH_PRO"], coverage: "national" },
  { name: "Adista", codes: "", website: "https://www.adista.fr", offersUrl: "https://www.adista.fr", technologies: ["FTTE", "FTTO"], coverage: "departements", departements: "01, 69, 38" },
  { name: "LIAIN", codes: "LIAI", website: "https://www.reseau-liain.fr", technologies: [], coverage: "departements", departements: "01" },
] as const;

const DEMO_CONTACTS: Record<string, { publicEmail: string; publicPhone: string; publicUrl: string }> = {
  "CA du Bassin de Bourg-en-Bresse": { publicEmail: "economie@ca3b.fibre-pro.test", publicPhone: "04 74 00 00 01", publicUrl: "https://www.grandbourg.fr" },
  "Haut-Bugey Agglomération": { publicEmail: "entreprises@hautbugey.fibre-pro.test", publicPhone: "04 74 00 00 02", publicUrl: "https://www.hautbugey-agglomeration.fr" },
  "SIEA — réseau LIAIN": { publicEmail: "fibre@siea.fibre-pro.test", publicPhone: "04 74 00 00 03", publicUrl: "https://www.siea.fr" },
};

interface DemoPublication {
  author: string;
  zoneId: string;
  technology: "FTTH_PRO" | "FTTE" | "FTTO";
  status: "DEPLOYE" | "PREVU" | "EN_COURS";
  plannedDate?: string;
  availableSince?: string;
  operatorCodes?: string[];
  otherOperators?: string;
  message: string;
}

const DEMO_PUBLICATIONS: DemoPublication[] = [
  {
    author: "editeur@ca3b.fibre-pro.test",
    zoneId: "01053_SITE-ECO_00001",
    technology: "FTTO",
    status: "DEPLOYE",
    availableSince: "2026-06-01",
    operatorCodes: ["FRTE", "SFR0"],
    otherOperators: "Adista",
    message: "La fibre dédiée (FttO) est disponible dans tout le parc : demandez un devis aux opérateurs cités.",
  },
  {
    author: "editeur@ca3b.fibre-pro.test",
    zoneId: "01053_SITE-ECO_00001",
    technology: "FTTE",
    status: "PREVU",
    plannedDate: "T3 2027",
    operatorCodes: ["BOUY", "FRTE"],
    message: "Les travaux de la FttE commencent au printemps 2027 ; ouverture commerciale prévue au troisième trimestre.",
  },
  {
    author: "editeur@ca3b.fibre-pro.test",
    zoneId: "01053_SITE-ECO_00001",
    technology: "FTTH_PRO",
    status: "EN_COURS",
    plannedDate: "03/2027",
    message: "Les opérateurs ouvriront leurs offres FttH pro sur les derniers bâtiments en mars 2027.",
  },
  {
    author: "editeur@hautbugey.fibre-pro.test",
    zoneId: "01283_SITE-ECO_00002",
    technology: "FTTE",
    status: "DEPLOYE",
    availableSince: "2026-09-15",
    operatorCodes: ["BOUY"],
    otherOperators: "Adista",
    message: "Fibre dédiée sur le réseau mutualisé disponible dans toute la zone industrielle.",
  },
];

async function demoActor(email: string): Promise<Actor> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  const actor = user ? await loadActor(user.id) : null;
  if (!actor) throw new Error(`The demo account ${email} is missing: run the demo accounts first.`);
  return actor;
}

/** Creates what is missing; returns how many directory entries, contacts and publications were created. */
export async function ensureDemoBusinessContent(): Promise<{ operators: number; contacts: number; publications: number }> {
  const created = { operators: 0, contacts: 0, publications: 0 };
  const admin = await demoActor("admin@fibre-pro.test");

  for (const entry of DEMO_DIRECTORY) {
    if (await db.directoryOperator.findUnique({ where: { name: entry.name }, select: { id: true } })) continue;
    const form = ZDirectoryOperatorForm.parse({ ...entry, technologies: [...entry.technologies], isDemo: true });
    await saveDirectoryOperator(admin, form);
    created.operators += 1;
  }

  for (const [name, contact] of Object.entries(DEMO_CONTACTS)) {
    const organisation = await db.organisation.findFirst({ where: { name }, select: { id: true, publicEmail: true, publicPhone: true, publicUrl: true } });
    if (!organisation || organisation.publicEmail || organisation.publicPhone || organisation.publicUrl) continue;
    await setPublicContact(admin, { organisationId: organisation.id, ...contact });
    created.contacts += 1;
  }

  for (const publication of DEMO_PUBLICATIONS) {
    const author = await demoActor(publication.author);
    const exists = await db.publication.findFirst({
      where: { organisationId: author.organisationId!, zoneId: publication.zoneId, technology: publication.technology },
      select: { id: true },
    });
    if (exists) continue;
    const form = ZPublicationForm.parse({
      scope: "ZONE",
      zoneId: publication.zoneId,
      technology: publication.technology,
      status: publication.status,
      plannedDate: publication.plannedDate,
      availableSince: publication.availableSince,
      operatorCodes: publication.operatorCodes ?? [],
      otherOperators: publication.otherOperators,
      message: publication.message,
    });
    await savePublication(author, form, { intent: "publish" });
    created.publications += 1;
  }
  return created;
}
