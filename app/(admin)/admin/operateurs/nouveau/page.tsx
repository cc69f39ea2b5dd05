import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { saveDirectoryOperatorAction } from "@/app/(admin)/admin/operateurs/actions";
import { DirectoryOperatorForm } from "@/components/admin/operators/directory-operator-form";
import { canManageOperatorDirectory } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { newEntryFormValues } from "@/lib/operators/form-values";

export const metadata: Metadata = { title: "Ajouter un opérateur" };

/** /admin/operateurs/nouveau[?code=…&nom=…] — platform admins: a new directory entry, prefilled from an unlisted code. */
export default async function NewOperatorPage({ searchParams }: { searchParams: Promise<{ code?: string; nom?: string }> }) {
  const actor = await requirePageActor("/admin/operateurs/nouveau");
  if (!canManageOperatorDirectory(actor)) forbidden();
  const values = newEntryFormValues(await searchParams);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/operateurs">← Annuaire des opérateurs</Link>
      </p>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Ajouter un opérateur</h1>
        {values.codes ? (
          <p className="max-w-prose">
            Fiche préremplie pour le code <span className="font-mono">{values.codes}</span>
            {values.name ? " avec son nom connu" : ""} : vérifiez le nom, puis indiquez ses liens et ce qu&apos;il vend.
          </p>
        ) : (
          <p className="max-w-prose text-muted">
            Indiquez au moins son nom et où il vend ; ses codes relient la fiche aux informations des fichiers importés.
          </p>
        )}
      </div>
      <DirectoryOperatorForm action={saveDirectoryOperatorAction} values={values} submitLabel="Ajouter à l'annuaire" />
    </div>
  );
}
