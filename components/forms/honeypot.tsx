/** Honeypot field of the public forms: invisible to people and to assistive technologies; bots fill it. */
export function Honeypot({ id = "website" }: { id?: string }) {
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
      <label htmlFor={id}>Site web (ne pas remplir)</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
