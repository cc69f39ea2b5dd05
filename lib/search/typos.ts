/** How many typos a word may carry and still be recognised: none under 5 letters, 1 up to 7, then 2. */
export function typoBudget(word: string): number {
  if (/\d/.test(word) || word.length < 5) return 0;
  return word.length < 8 ? 1 : 2;
}

/** At most this many indexed words stand in for a mistyped one. */
export const TYPO_ALTERNATIVES = 8;
