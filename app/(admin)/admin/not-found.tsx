import Link from "next/link";

/** An unknown id in the admin (a publication, an import, a zone…), inside the admin frame: one frame, not the public one too. */
export default function AdminNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Élément introuvable</h1>
      <p className="max-w-prose">
        Rien ne correspond à ce lien dans l&apos;espace collectivités : l&apos;élément a peut-être été supprimé, ou le lien est
        incomplet.
      </p>
      <p>
        <Link href="/admin">Retour au tableau de bord</Link>
      </p>
    </div>
  );
}
