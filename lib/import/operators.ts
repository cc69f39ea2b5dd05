/** Names of the operators whose Arcep codes appear in the files; other codes show as themselves. */
const OPERATOR_NAMES: Readonly<Record<string, string>> = {
  FRTE: "Orange",
  SFR0: "SFR",
  BOUY: "Bouygues Telecom",
  FREE: "Free",
};

export function knownOperatorName(code: string): string | null {
  return OPERATOR_NAMES[code] ?? null;
}
