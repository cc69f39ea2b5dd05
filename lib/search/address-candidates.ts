/** What the database hands the address ranking, whichever provider found it. */
/** How many matches the database hands over for ranking. */
export const CANDIDATES = 100;

export interface AddressCandidate {
  id: string;
  number: number | null;
  suffix: string | null;
  street: string;
  locality: string | null;
  postcode: string | null;
  inseeCode: string;
  communeName: string;
  lat: number;
  lon: number;
  searchKey: string;
}

export const CANDIDATE_COLUMNS = `"id", "number", "suffix", "street", "locality", "postcode", "inseeCode", "communeName", "lat", "lon", "searchKey"`;
