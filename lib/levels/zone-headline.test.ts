import { describe, expect, it } from "vitest";
import { coverageLevels } from "./coverage";
import { zoneHeadline } from "./zone-headline";

const utc = (text: string) => new Date(`${text}T00:00:00Z`);

describe("zoneHeadline", () => {
  it("says the share that can order and when the rest is planned", () => {
    const levels = coverageLevels(20, { FTTH: { DEPLOYE: 7, EN_COURS: 13 } }, []);
    const headline = zoneHeadline({ addresses: 20, levels, planned: { FTTH: { latest: { date: utc("2027-04-01"), precision: "QUARTER" }, undated: 0 } } });
    expect(headline.title).toBe("35\u00a0% des adresses peuvent commander la fibre ; le reste est prévu d'ici T2 2027.");
    expect(headline.details).toEqual(["FttO : sur étude partout, selon la règle générale — demandez un devis aux opérateurs entreprises."]);
  });

  it("lists what is on request, planned without a date and not announced; business technologies after", () => {
    const levels = coverageLevels(10, { FTTH: { DEPLOYE: 5, RAD: 2, SIGNE: 2 }, FTTO: { DEPLOYE: 10 }, FTTE: { PREVU: 10 } }, []);
    const headline = zoneHeadline({
      addresses: 10,
      levels,
      planned: { FTTH: { latest: null, undated: 2 }, FTTE: { latest: { date: utc("2027-07-01"), precision: "QUARTER" }, undated: 0 } },
    });
    expect(headline.title).toBe(
      "50\u00a0% des adresses peuvent commander la fibre ; 20\u00a0% sur demande (raccordement à la commande) ; 20\u00a0% prévues (date non communiquée) ; 10\u00a0% sans annonce.",
    );
    expect(headline.details).toEqual(["FttE : prévu d'ici T3 2027 pour toutes les adresses.", "FttO : disponible pour toutes les adresses."]);
  });

  it("all or nothing", () => {
    expect(zoneHeadline({ addresses: 3, levels: coverageLevels(3, { FTTH: { DEPLOYE: 3 } }, []), planned: {} }).title).toBe("Toutes les adresses peuvent commander la fibre.");
    expect(zoneHeadline({ addresses: 3, levels: coverageLevels(3, {}, []), planned: {} }).title).toBe("Aucune adresse ne peut encore commander la fibre ; 100\u00a0% sans annonce.");
    expect(zoneHeadline({ addresses: 0, levels: coverageLevels(0, {}, []), planned: {} }, "commune").title).toBe("Aucune adresse connue dans cette commune pour l'instant.");
  });
});
