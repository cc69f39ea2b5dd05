/**
 * What the search boxes suggest typing (home, /recherche, the widget). Each one finds something
 * in the demo territory: e2e/findability.spec.ts types them on a demo portal and checks the
 * suggestion. Client-safe.
 */
export const SEARCH_EXAMPLES = {
  address: "12 rue de la République Bourg-en-Bresse",
  zone: "ZA de la Plaine de l'Ain",
  postcode: "01000",
} as const;
