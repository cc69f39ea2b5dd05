import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { DirectoryEntries } from "@/components/admin/operators/directory-entries";
import { UnlistedCodes } from "@/components/admin/operators/unlisted-codes";
import { FormMessage } from "@/components/forms/form-field";
import { IMPORT_FORMAT_LABELS } from "@/lib/admin/labels";
import { canManageOperatorDirectory } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { getDepartementNames } from "@/lib/data/communes";
import { listDirectoryOperators, listUnlistedCodes } from "@/lib/data/operator-directory";

export const metadata: Metadata = { title: "Annuaire des opérateurs" };

/** /admin/operateurs — platform admins: the operator directory, and the codes the files cite that no entry claims. */
export default async function OperatorsPage({ searchParams }: { searchParams: Promise<{ enregistre?: string; retire?: string }> }) {
  const actor = await requirePageActor("/admin/operateurs");
  if (!canManageOperatorDirectory(actor)) forbidden();
  const [entries, unlisted, { enregistre, retire }] = await Promise.all([listDirectoryOperators(), listUnlistedCodes(), searchParams]);
  const departementNames = await getDepartementNames(entries.flatMap((entry) => entry.departements));
  const saved = enregistre ? entries.find((entry) => entry.id === enregistre) : undefined;
  const notice = saved
    ? `Fiche « ${saved.name} » enregistrée : les pages publiques l'utilisent dès maintenant.`
    : retire === "1"
      ? "La fiche a été retirée de l'annuaire ; ses codes figurent de nouveau parmi les codes sans fiche."
      : undefined;

  return (
    <div className="space-y-10">
      <div className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h1 className="text-3xl font-bold">Annuaire des opérateurs</h1>
          <Link href="/admin/operateurs/nouveau" className="button-primary">
            Ajouter un opérateur
          </Link>
        </div>
        <p className="max-w-prose">
          Les pages publiques nomment les opérateurs et orientent les entreprises grâce à cet annuaire : un code cité par un
          fichier (IPE, Arcep) devient le nom de l&apos;opérateur, avec ses liens vers ses offres et son test d&apos;éligibilité
          dans « Que faire maintenant ? ». Les offres professionnelles et les départements indiqués désignent les opérateurs à qui
          demander un devis de fibre dédiée, et le FttH pro là où ils sont présents.
        </p>
        <FormMessage notice={notice} />
      </div>

      <section aria-labelledby="directory-entries" className="space-y-3">
        <h2 id="directory-entries" className="text-xl font-semibold">
          {entries.length} opérateur{entries.length > 1 ? "s" : ""} dans l&apos;annuaire
        </h2>
        <DirectoryEntries entries={entries} departementNames={departementNames} highlightedId={saved?.id} />
      </section>

      <section aria-labelledby="directory-unlisted" className="space-y-3">
        <h2 id="directory-unlisted" className="text-xl font-semibold">
          Codes cités sans fiche ({unlisted.length})
        </h2>
        <p className="max-w-prose text-muted">
          Ces codes figurent dans les informations importées, mais aucune fiche ne les revendique : les pages publiques montrent
          le nom connu (celui du référentiel Arcep, sinon celui du fichier), ou « opérateur XXXX (code non référencé) ». Créez
          une fiche, ou ajoutez le code à une fiche existante.
        </p>
        <UnlistedCodes codes={unlisted} />
        <p className="max-w-prose text-sm text-muted">
          Les noms de référence viennent du référentiel des opérateurs de l&apos;Arcep : chargez-le depuis la page{" "}
          <Link href="/admin/imports">Fichiers</Link> avec le format « {IMPORT_FORMAT_LABELS["arcep-operateurs"]} ».
        </p>
      </section>
    </div>
  );
}
