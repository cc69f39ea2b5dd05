/**
 * How an address reads in French: "12 bis Rue de la République, 01000 Bourg-en-Bresse".
 * A one-letter suffix is written against the number ("3A"), a word after it ("12 bis").
 */
export interface LabelledAddress {
  number: number | null;
  suffix: string | null;
  street: string;
  postcode: string | null;
  communeName: string;
}

export function formatHouseNumber(number: number | null, suffix: string | null): string {
  if (number === null) return "";
  if (!suffix) return String(number);
  return suffix.length === 1 ? `${number}${suffix.toUpperCase()}` : `${number} ${suffix.toLowerCase()}`;
}

export function formatAddressLabel(address: LabelledAddress): string {
  const street = [formatHouseNumber(address.number, address.suffix), address.street].filter(Boolean).join(" ");
  const place = [address.postcode, address.communeName].filter(Boolean).join(" ");
  return `${street}, ${place}`;
}
