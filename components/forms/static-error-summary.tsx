/**
 * The error summary of a GET form read on the server, no JavaScript needed (GOV.UK / DSFR
 * pattern; forms sent to server actions use ErrorSummary): at the top of the page, one link per
 * field in error to that field. Its id is the target of the form's action
 * (`action="…#id"`), so that the browser scrolls to it and focuses it (tabIndex -1), JavaScript or not.
 */
export function StaticErrorSummary({ id, title, errors }: { id: string; title: string; errors: readonly { href: string; message: string }[] }) {
  return (
    <div
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-4 rounded-md border-4 border-red-700 bg-white p-4 focus:outline-3 focus:outline-offset-2 focus:outline-focus"
    >
      <div role="alert">
        <h2 id={`${id}-title`} className="text-xl font-bold">
          {title}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {errors.map((error) => (
            <li key={error.href}>
              <a href={error.href} className="font-semibold text-red-800">
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
