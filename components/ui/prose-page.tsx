/** A page of text: title, then readable paragraphs and lists. */
export function ProsePage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <article className="max-w-prose space-y-4 [&_h2]:mt-8 [&_h2]:text-xl [&_h2]:font-semibold [&_li]:ml-5 [&_ul]:list-disc [&_ul]:space-y-1">
      <h1 className="text-3xl font-bold">{title}</h1>
      {children}
    </article>
  );
}
