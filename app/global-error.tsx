"use client";
/** Last resort when the root layout itself fails: plain French, no stack trace. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: "Arial, sans-serif", margin: "2rem" }}>
        <main>
          <h1>Fibre Pro est momentanément indisponible</h1>
          <p>Réessayez dans quelques instants.</p>
          <button type="button" onClick={reset}>
            Réessayer
          </button>
        </main>
      </body>
    </html>
  );
}
