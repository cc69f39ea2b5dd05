import { describe, expect, it } from "vitest";
import { mirrored } from "./http";

describe("mirrored", () => {
  it("replaces the scheme and host, keeps the path and query, and prefixes the mirror's own path", () => {
    const official = "https://data.geopf.fr/wfs/ows?SERVICE=WFS&CQL_FILTER=code_insee%20LIKE%20'01%25'";
    expect(mirrored(official, null)).toBe(official);
    expect(mirrored(official, "http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080/wfs/ows?SERVICE=WFS&CQL_FILTER=code_insee%20LIKE%20%2701%25%27");
    expect(mirrored("https://adresse.data.gouv.fr/data/ban/adresses-01.csv.gz", "https://miroir.example.fr/donnees/")).toBe(
      "https://miroir.example.fr/donnees/data/ban/adresses-01.csv.gz",
    );
  });
});
