/**
 * Alerts (issue #7, part 1): a business asks to be told when the fibre changes for its zone and
 * its address, confirms through the link of the mail in the outbox folder; a zone manager
 * publishes; two workers run at once and exactly ONE digest lands, naming both places and the
 * new date; its unsubscribe link works (and can be undone); after it, a new publication sends nothing.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test, uniqueSuffix } from "./admin-fixtures";
import { screenshotsAt } from "./capture";
import { countMails, waitForMail } from "./mail";
import { E2E_NEXTAUTH_SECRET, type E2eServer } from "./servers";
import { drawSquare, fillDetails, savedZoneId } from "./zone-helpers";

test.describe.configure({ timeout: 180_000 });

/**
 * A commune no other test draws zones in: a zone drawn over another test's would take its
 * addresses (an address belongs to one zone), and that test's publications would reach this digest.
 */
const COMMUNE = "01173";

/** `npm run worker -- --once` against the server's database and outbox folder. */
async function runWorker(server: E2eServer): Promise<string> {
  const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/worker.ts", "--once"], {
    env: { ...process.env, DATABASE_URL: server.databaseUrl, MAIL_OUTBOX_DIR: server.outboxDir, NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET, SMTP_URL: "" },
  });
  return stdout;
}

/** The link after `label :` in a mail's text, as a path on the server under test. */
function linkAfter(text: string, label: string): string {
  const url = new RegExp(`${label} :\\s*(https?://\\S+)`).exec(text)?.[1];
  expect(url, `« ${label} » in: ${text}`).toBeTruthy();
  const parsed = new URL(url!);
  return `${parsed.pathname}${parsed.search}`;
}

async function subscribe(page: Page, email: string) {
  const form = page.getByRole("region", { name: /^Être prévenu/ });
  await form.getByLabel("Votre adresse e-mail").fill(email);
  await form.getByRole("button", { name: "Me prévenir" }).click();
  await expect(form.getByRole("status")).toContainText(`un e-mail de confirmation est envoyé à ${email}`);
}

async function publish(page: Page, zoneId: string, technology: string, plannedDate: string) {
  await page.goto(`/admin/publications/nouvelle?zone=${encodeURIComponent(zoneId)}`);
  await expect(page.getByLabel("Zone d'activités", { exact: true })).toHaveValue(zoneId);
  await page.getByLabel("Technologie").selectOption(technology);
  await page.getByLabel("État").selectOption("PREVU");
  await page.getByLabel("Date prévue").fill(plannedDate);
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Publié :/ })).toBeVisible();
}

test("subscribe, confirm by mail, one digest after a publication even with two workers, unsubscribe", async ({ page, browser, server, createOrganisation, createUser, signIn, expectAccessible }) => {
  const organisation = await createOrganisation({ name: "Communauté de communes", communes: [COMMUNE] });
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, await createUser({ role: "editor", organisation }));
  await manager.goto("/admin/zones/nouvelle");
  const zoneName = `ZA des alertes ${uniqueSuffix()}`;
  await manager.getByLabel("Commune").selectOption(COMMUNE);
  await fillDetails(manager, zoneName);
  await drawSquare(manager, 40);
  await manager.getByRole("button", { name: "Enregistrer la zone" }).click();
  const zoneId = await savedZoneId(manager);
  const { items } = (await (await page.request.get(`/api/v1/zones/${encodeURIComponent(zoneId)}/addresses?limit=1`)).json()) as { items: { id: string; label: string }[] };
  const address = items[0]!;

  // The business follows the zone and its own address.
  const email = `gerant-${uniqueSuffix()}@entreprise.test`;
  await page.goto(`/zone/${encodeURIComponent(zoneId)}`);
  await subscribe(page, email);
  await expectAccessible();
  await page.goto(`/adresse/${encodeURIComponent(address.id)}`);
  await page.getByRole("region", { name: /^Être prévenu/ }).getByRole("button", { name: "Me prévenir" }).click();
  await expect(page.getByRole("region", { name: /^Être prévenu/ }).getByLabel("Votre adresse e-mail")).toHaveAccessibleDescription(/Indiquez votre adresse e-mail\.$/);
  await subscribe(page, email);
  await expectAccessible();
  await screenshotsAt(page, "alert-subscribed");

  for (const count of [1, 2]) {
    const confirmation = await waitForMail(server.outboxDir, email, count);
    expect(confirmation.subject).toBe("Fibre Pro : confirmez votre alerte");
    expect(confirmation.html).toContain("Confirmer mon alerte");
    await page.goto(linkAfter(confirmation.text, "Pour activer cette alerte, confirmez votre adresse e-mail"));
    // Opening the link is not enough (mail scanners open links): the button confirms.
    await page.getByRole("button", { name: "Confirmer mon alerte" }).click();
    await expect(page.getByRole("status")).toContainText("C'est confirmé : vous serez prévenu par e-mail");
    await expect(page.getByRole("status")).toBeFocused();
  }
  await expectAccessible();
  await screenshotsAt(page, "alert-confirmed");

  await publish(manager, zoneId, "FTTO", "S2 2028");
  await Promise.all([runWorker(server), runWorker(server)]);
  const digest = await waitForMail(server.outboxDir, email, 3);
  expect(digest.subject).toBe("Fibre Pro : du nouveau pour 2 adresses ou zones que vous suivez");
  expect(digest.text).toContain(`Zone d'activités ${zoneName} (Gex)`);
  expect(digest.text).toContain(address.label);
  expect(digest.text).toContain("FttO : Prévu — Déploiement programmé — Ouverture prévue S2 2028 (auparavant : pas d'annonce).");
  expect(digest.text).toContain(`Publié par ${organisation.name}`);
  expect(digest.html).toContain("Se désabonner de toutes les alertes");
  // One digest, however many workers ran.
  await runWorker(server);
  expect(countMails(server.outboxDir, email)).toBe(3);

  // Unsubscribe from everything in one click; undo; unsubscribe again.
  const unsubscribeAll = linkAfter(digest.text, "Se désabonner de toutes les alertes");
  await page.goto(unsubscribeAll);
  await expect(page.getByRole("status")).toContainText("vous ne recevrez plus aucune alerte de Fibre Pro");
  await expectNoAxeViolations(page);
  await screenshotsAt(page, "alert-unsubscribed");
  await page.getByRole("button", { name: "Annuler le désabonnement" }).click();
  await expect(page.getByRole("status")).toContainText("Désabonnement annulé : vos 2 alertes sont de nouveau actives.");
  await page.goto(unsubscribeAll);
  await expect(page.getByRole("status")).toContainText("vous ne recevrez plus aucune alerte de Fibre Pro");

  await publish(manager, zoneId, "FTTH_PRO", "T1 2028");
  await runWorker(server);
  expect(countMails(server.outboxDir, email)).toBe(3);

  // A tampered link is refused in French, without detail.
  await page.goto(unsubscribeAll.replace(/([?&])t=[^&]+/, "$1t=abc"));
  await expect(page.getByRole("alert").filter({ hasText: "Ce lien" })).toContainText("Ce lien n'est pas valable.");
});
