/** A SIRET as people write it: "910 000 017 00012" (SIREN in threes, then the NIC); anything else as given. */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}
