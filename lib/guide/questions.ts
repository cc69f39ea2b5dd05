/**
 * The three questions of « Quelle fibre pour mon entreprise ? » (PRODUCT.md): their names in the
 * query string, their answers and the plain-French words of each. Client-safe: the form, the
 * validation and the recommendation share them.
 */

export const CRITICALITY_VALUES = ["confort", "important", "vital"] as const;
export const REPAIR_VALUES = ["non", "jour-ouvre", "4h"] as const;
export const THROUGHPUT_VALUES = ["partage", "partiel", "symetrique"] as const;

export type Criticality = (typeof CRITICALITY_VALUES)[number];
export type RepairNeed = (typeof REPAIR_VALUES)[number];
export type ThroughputNeed = (typeof THROUGHPUT_VALUES)[number];

export interface GuideAnswers {
  critique: Criticality;
  reparation: RepairNeed;
  debit: ThroughputNeed;
}

export type GuideQuestionName = keyof GuideAnswers;

export interface GuideQuestion {
  name: GuideQuestionName;
  legend: string;
  /** Said in the error summary and beside the fieldset when no answer was chosen. */
  missing: string;
  /** The same when the query string carries a value that is not one of the answers. */
  invalid: string;
  options: readonly { value: string; label: string; hint: string }[];
}

export const GUIDE_QUESTIONS: readonly GuideQuestion[] = [
  {
    name: "critique",
    legend: "1. Que se passe-t-il pour votre entreprise quand internet est coupé ?",
    missing: "Indiquez ce qui se passe pour votre entreprise quand internet est coupé.",
    invalid: "Choisissez l'une des trois réponses proposées sur les conséquences d'une coupure.",
    options: [
      {
        value: "confort",
        label: "Confort : c'est gênant, mais votre activité continue",
        hint: "Par exemple, le courriel et le site web peuvent attendre quelques jours.",
      },
      {
        value: "important",
        label: "Important : votre activité est fortement ralentie",
        hint: "Caisse, commandes ou échanges avec vos clients passent par internet, mais une journée sans connexion reste supportable.",
      },
      {
        value: "vital",
        label: "Vital : votre activité s'arrête sans internet",
        hint: "Logiciels en ligne, téléphonie par internet, production pilotée à distance : sans connexion, vous ne pouvez plus travailler.",
      },
    ],
  },
  {
    name: "reparation",
    legend: "2. En cas de panne, en combien de temps la connexion doit-elle être rétablie ?",
    missing: "Indiquez en combien de temps la connexion doit être rétablie en cas de panne.",
    invalid: "Choisissez l'une des trois réponses proposées sur le délai de rétablissement.",
    options: [
      {
        value: "non",
        label: "Pas de délai garanti",
        hint: "Vous pouvez attendre l'intervention de l'opérateur, parfois plusieurs jours, comme avec un abonnement grand public.",
      },
      {
        value: "jour-ouvre",
        label: "Réparation le jour ouvré suivant",
        hint: "L'opérateur s'engage à réparer le jour ouvré qui suit votre appel (du lundi au vendredi, hors jours fériés).",
      },
      {
        value: "4h",
        label: "Rétablissement en 4 heures (GTR 4 h)",
        hint: "La garantie de temps de rétablissement (GTR) engage l'opérateur à rétablir la connexion en 4 heures au plus.",
      },
    ],
  },
  {
    name: "debit",
    legend: "3. De quel débit avez-vous besoin ?",
    missing: "Indiquez le débit dont vous avez besoin.",
    invalid: "Choisissez l'une des trois réponses proposées sur le débit.",
    options: [
      {
        value: "partage",
        label: "Un débit partagé suffit (« best effort »)",
        hint: "Le débit peut baisser aux heures chargées : cela suffit pour le courriel, le web et la plupart des logiciels en ligne.",
      },
      {
        value: "partiel",
        label: "Un débit en partie garanti",
        hint: "Une partie du débit vous est réservée : utile pour la visioconférence ou la téléphonie par internet à plusieurs.",
      },
      {
        value: "symetrique",
        label: "Un débit symétrique garanti",
        hint: "Le même débit garanti à l'envoi et à la réception : utile pour héberger un serveur, envoyer de gros fichiers ou relier plusieurs sites.",
      },
    ],
  },
];

/** The id of an answer's radio button: the error summary links to the first of each question. */
export const optionId = (name: GuideQuestionName, value: string) => `${name}-${value}`;
