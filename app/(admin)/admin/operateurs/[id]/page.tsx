import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { deleteDirectoryOperatorAction, saveDirectoryOperatorAction } from "@/app/(admin)/admin/operateurs/actions";
import { DeleteOperatorForm } from "@/components/admin/operators/delete-operator-form";
import { DirectoryOperatorForm } from "@/components/admin/operators/directory-operator-form";
import { canManageOperatorDirectory } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { getDirectoryOperator } from "@/lib/data/operator-directory";
import { entryFormValues } from "@/lib/operators/form-values";

export const metadata: Metadata = { title: "Fiche d'opérateur" };

/** /admin/operateurs/[id] — platform admins: edit a directory entry, or remove it. */
export default async function OperatorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/admin/operateurs/${encodeURIComponent(id)}`);
  if (!canManageOperatorDirectory(actor)) forbidden();
  const entry = await getDirectoryOperator(id);
  if (!entry) notFound();

  return (
    <div className="space-y-10">
      <div className="space-y-6">
        <p>
          <Link href="/admin/operateurs">← Annuaire des opérateurs</Link>
        </p>
        <h1 className="text-3xl font-bold">{entry.name}</h1>
        <DirectoryOperatorForm action={saveDirectoryOperatorAction} values={entryFormValues(entry)} submitLabel="Enregistrer la fiche" />
      </div>

      <section aria-labelledby="operator-delete" className="max-w-prose space-y-3 rounded-lg border border-red-300 p-4">
        <h2 id="operator-delete" className="text-xl font-semibold">
          Retirer de l&apos;annuaire
        </h2>
        <p>
          Les pages publiques ne montreront plus ses liens ni ses offres. Ses codes restent cités par les fichiers : ils
          s&apos;afficheront sous leur nom de référence, ou comme « code non référencé ».
        </p>
        <DeleteOperatorForm action={deleteDirectoryOperatorAction} id={entry.id} name={entry.name} />
      </section>
    </div>
  );
}
