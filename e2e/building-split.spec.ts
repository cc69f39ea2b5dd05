/**
 * Issue #17: an address with two buildings of different statuses in one IPE file says the split
 * and takes the least advanced level (headline and card agree); a line whose number the BAN lacks
 * is not attached to its neighbour but listed on the commune page. Axe-clean; screenshots at 1280
 * and 375 px.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine } from "../lib/testing/import-files";
import { expect, test, uniqueSuffix } from "./admin-fixtures";
import { capture } from "./capture";

test("two buildings, two statuses: the address page says the split; the number the BAN lacks is listed on its commune", async ({ page, server, expectAccessible }) => {
  const suffix = uniqueSuffix();
  const street = `Rue des Deux Bâtiments ${suffix}`;
  const addressId = `01002_e2eb${suffix}_00021`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-e2e-buildings-"));
  const ban = path.join(folder, "adresses.csv");
  fs.writeFileSync(ban, [
    BAN_HEADER,
    banLine({ id: addressId, numero: "21", nom_voie: street, code_postal: "01640", nom_commune: "L'Abergement-de-Varey", lon: "5.43100", lat: "46.01100" }),
  ].join("\n"));
  const ipe = path.join(folder, "LIE2E_01_TEST_PM_IPEZMD_V20_20261115_00_PBOOK.csv");
  const streetName = `DES DEUX BATIMENTS ${suffix.toUpperCase()}`;
  fs.writeFileSync(ipe, [
    IPE_HEADER,
    ipeLine({ id: `E2E/${suffix}/A`, insee: "01002", etat: "DEPLOYE", numero: "21", typeVoie: "RUE", nomVoie: streetName, dateMes: "20220105", x: "5.43092", y: "46.01106", projection: "WGS84" }),
    ipeLine({ id: `E2E/${suffix}/B`, insee: "01002", etat: "RACCORDABLE DEMANDE", numero: "21", typeVoie: "RUE", nomVoie: streetName, x: "5.43108", y: "46.01094", projection: "WGS84" }),
    // The BAN has no 23 on that street: 20 m away, it is still not number 21's building.
    ipeLine({ id: `E2E/${suffix}/C`, insee: "01002", etat: "DEPLOYE", numero: "23", typeVoie: "RUE", nomVoie: streetName, x: "5.43125", y: "46.01100", projection: "WGS84" }),
  ].join("\r\n"));
  const importFile = (format: string, file: string) =>
    execFileSync("node_modules/.bin/tsx", ["scripts/import.ts", format, file, "--source", `E2E bâtiments ${suffix}`], {
      env: { ...process.env, DATABASE_URL: server.databaseUrl },
      encoding: "utf8",
    });
  importFile("ban", ban);
  expect(importFile("ipe", ipe)).toContain("unmatched 1");

  await page.goto(`/adresse/${addressId}`);
  const headline = page.getByRole("region", { name: "Fibre raccordable à la demande" });
  await expect(headline).toContainText("Plusieurs bâtiments ici (2 bâtiments : 1 raccordable, 1 raccordable à la demande)");
  const ftth = page.getByRole("article", { name: /^FttH — / });
  await expect(ftth).toContainText("Sur demande : raccordement à la commande");
  await expect(ftth).toContainText("Statut détaillé : Raccordable à la demande.");
  await expect(ftth).toContainText("2 bâtiments : 1 raccordable, 1 raccordable à la demande. Le niveau indiqué est celui du bâtiment le moins avancé");
  await expect(page.getByText("2 immeubles rattachés à cette adresse (couleur : niveau du FttH).")).toBeVisible();
  await expectAccessible();
  await capture(page, "address-two-buildings-1280.png");
  await page.setViewportSize({ width: 375, height: 800 });
  await ftth.scrollIntoViewIfNeeded();
  await capture(page, "address-two-buildings-375.png", { fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto("/commune/01002");
  const unmatched = page.getByRole("region", { name: "Immeubles sans adresse reconnue" });
  await expect(unmatched.getByRole("listitem").filter({ hasText: `« 23 RUE ${streetName} »` })).toContainText("Raccordable");
  await expectAccessible();
});
