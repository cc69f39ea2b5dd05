import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { alertToken } from "@/lib/alerts/tokens";
import { AppError } from "@/lib/errors";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { ZPublicationForm } from "@/lib/validation/publications";
import { CONFIRMATIONS_PER_DAY, checkConfirmationLink, confirmSubscription, purgeAlertSubscriptions, sendAlertDigests, subscribeToAlerts, undoUnsubscribe, unsubscribe } from "./alerts";
import { savePublication, withdrawPublication } from "./publications";

const ORIGIN = "https://fibre-pro.test";
const ZONE_ID = "01053_SITE-ECO_00088";
const IN_ZONE = "01053_al00_00001";
const ELSEWHERE = "01053_al00_00002";
const options = { triggeredBy: "test" };
const square = (lon: number, lat: number, size: number) => [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]];
const publication = (input: Record<string, unknown>) => ZPublicationForm.parse({ technology: "FTTE", status: "PREVU", plannedDate: "T3 2027", operatorCodes: [], ...input });
let editor: Actor;

const digests = (to?: string) => db.outboxMail.findMany({ where: { kind: "alert.digest", ...(to ? { to } : {}) }, orderBy: { createdAt: "asc" } });

/** Subscribes and clicks the confirmation link, as a person would. */
async function follow(email: string, targetType: "address" | "zone", targetId: string) {
  await subscribeToAlerts({ email, targetType, targetId }, ORIGIN);
  const subscription = await db.alertSubscription.findFirstOrThrow({ where: { email: email.toLowerCase(), targetKey: `${targetType === "address" ? "a" : "z"}:${targetId}` } });
  expect(await confirmSubscription(subscription.id, alertToken("confirm", subscription.id))).toMatchObject({ state: "confirmed" });
  return subscription;
}

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-alerts.csv", [
    BAN_HEADER,
    banLine({ id: IN_ZONE, numero: "1", nom_voie: "Rue des Alertes", lon: "5.3105", lat: "46.3105" }),
    banLine({ id: ELSEWHERE, numero: "2", nom_voie: "Rue des Alertes", lon: "5.3500", lat: "46.3500" }),
  ]), options);
  await runImport("zones", writeImportFile("zae-alerts.geojson", [JSON.stringify({
    type: "FeatureCollection",
    features: [{
      type: "Feature",
      properties: { site_id: ZONE_ID, site_nom: "ZA des Alertes", site_type: "zone d'activité économique", site_etat: "existant et actif", site_comm_insee: "01053", site_comm_nom: "Bourg-en-Bresse" },
      geometry: { type: "Polygon", coordinates: square(5.31, 46.31, 0.005) },
    }],
  })]), options);
  const organisation = await db.organisation.create({ data: { name: "CA du Bassin de Bourg-en-Bresse", kind: "EPCI", communes: { create: [{ inseeCode: "01053" }] } } });
  editor = { id: "u-editor", email: "editeur@ca3b.test", name: "Camille", role: "EDITOR", organisationId: organisation.id, organisationName: organisation.name, territory: new Set(["01053"]) };
});

beforeEach(async () => {
  await db.alertSubscription.deleteMany({});
  await db.outboxMail.deleteMany({});
  await db.availability.deleteMany({ where: { sourceKind: "PUBLICATION" } });
  await db.publication.deleteMany({});
});

describe("alert subscriptions", () => {
  it("subscribing queues one confirmation mail with a signed link; asking again at once queues none; nothing is sent before confirmation", async () => {
    const first = await subscribeToAlerts({ email: "Gerant@Boulangerie.test", targetType: "address", targetId: IN_ZONE }, ORIGIN);
    expect(first.targetLabel).toBe("1 Rue des Alertes, 01000 Bourg-en-Bresse");
    const mail = await db.outboxMail.findUniqueOrThrow({ where: { id: first.outboxId! } });
    expect(mail).toMatchObject({ kind: "alert.confirm", to: "gerant@boulangerie.test", subject: "Fibre Pro : confirmez votre alerte" });
    const subscription = await db.alertSubscription.findFirstOrThrow();
    expect(mail.text).toContain(`${ORIGIN}/alertes/confirmer?id=${subscription.id}&t=${alertToken("confirm", subscription.id)}`);
    expect(mail.html).toContain("Confirmer mon alerte");

    expect((await subscribeToAlerts({ email: "gerant@boulangerie.test", targetType: "address", targetId: IN_ZONE }, ORIGIN)).outboxId).toBeNull();
    expect(await db.outboxMail.count()).toBe(1);

    // Unconfirmed: a change sends nothing.
    await savePublication(editor, publication({ scope: "ADDRESSES", addressIds: IN_ZONE }), { intent: "publish" });
    expect(await sendAlertDigests()).toMatchObject({ digests: 0 });
    expect(await digests()).toEqual([]);

    const error = await subscribeToAlerts({ email: "a@b.test", targetType: "address", targetId: "01053_nope_00001" }, ORIGIN).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
  });

  it("opening the link changes nothing, the button confirms; a wrong or cut token confirms nothing", async () => {
    await subscribeToAlerts({ email: "gerant@boulangerie.test", targetType: "zone", targetId: ZONE_ID }, ORIGIN);
    const subscription = await db.alertSubscription.findFirstOrThrow();
    expect(await checkConfirmationLink(subscription.id, alertToken("confirm", subscription.id))).toMatchObject({ state: "pending", label: "Zone d'activités ZA des Alertes (Bourg-en-Bresse)" });
    expect((await db.alertSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).confirmedAt).toBeNull();
    expect(await confirmSubscription(subscription.id, alertToken("unsubscribe", subscription.id))).toEqual({ state: "invalid" });
    expect(await confirmSubscription(subscription.id, alertToken("confirm", subscription.id).slice(0, 20))).toEqual({ state: "invalid" });
    expect((await db.alertSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).confirmedAt).toBeNull();
  });

  it("one address gets at most 5 confirmation mails a day, whatever the places and the delays", async () => {
    let clock = new Date("2026-12-01T08:00:00Z");
    const ask = () => subscribeToAlerts({ email: "victime@entreprise.test", targetType: "address", targetId: IN_ZONE }, ORIGIN, clock);
    for (let n = 0; n < CONFIRMATIONS_PER_DAY + 3; n += 1) {
      await ask();
      await subscribeToAlerts({ email: "victime@entreprise.test", targetType: "zone", targetId: ZONE_ID }, ORIGIN, clock);
      clock = new Date(clock.getTime() + 11 * 60_000);
    }
    expect(await db.outboxMail.count({ where: { to: "victime@entreprise.test" } })).toBe(CONFIRMATIONS_PER_DAY);
  });
});

describe("alert digests", () => {
  it("a zone publication sends ONE digest to a person following the zone and an address in it, with both and the new date; nothing the second time", async () => {
    await follow("gerant@boulangerie.test", "address", IN_ZONE);
    await follow("gerant@boulangerie.test", "zone", ZONE_ID);
    await follow("autre@entreprise.test", "address", ELSEWHERE);
    expect(await sendAlertDigests()).toMatchObject({ digests: 0 });

    await savePublication(editor, publication({ scope: "ZONE", zoneId: ZONE_ID, operatorCodes: [] }), { intent: "publish" });
    expect(await sendAlertDigests()).toMatchObject({ digests: 1 });
    const [digest, ...others] = await digests();
    expect(others).toEqual([]);
    expect(digest).toMatchObject({ to: "gerant@boulangerie.test", subject: "Fibre Pro : du nouveau pour 2 adresses ou zones que vous suivez" });
    expect(digest!.text).toContain("1 Rue des Alertes, 01000 Bourg-en-Bresse");
    expect(digest!.text).toContain("Zone d'activités ZA des Alertes (Bourg-en-Bresse)");
    expect(digest!.text).toMatch(/FttE : Prévu — Déploiement programmé — Ouverture prévue .*2027 \(auparavant : pas d'annonce\)\. Publié par CA du Bassin de Bourg-en-Bresse le /);
    expect(digest!.text).toContain(`${ORIGIN}/zone/${ZONE_ID}`);
    expect(digest!.text).toContain(`${ORIGIN}/alertes/desabonner?`);
    expect(JSON.parse(digest!.headers!)).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(JSON.parse(digest!.headers!)["List-Unsubscribe"]).toMatch(/^<https:\/\/fibre-pro\.test\/api\/alerts\/unsubscribe\?tout=1&e=gerant%40boulangerie\.test&t=[\w-]{32}>$/);

    expect(await sendAlertDigests()).toMatchObject({ digests: 0 });
    expect(await digests()).toHaveLength(1);
  });

  it("an import that changes a status sends a digest; a withdrawn publication too", async () => {
    await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_ALERT.csv", [
      IPE_HEADER,
      ipeLine({ id: "IMB/AL1", numero: "2", typeVoie: "RUE", nomVoie: "DES ALERTES", etat: "EN COURS DE DEPLOIEMENT" }),
    ]), options);
    await follow("gerant@boulangerie.test", "address", ELSEWHERE);
    await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261201_00_ALERT.csv", [
      IPE_HEADER,
      ipeLine({ id: "IMB/AL1", numero: "2", typeVoie: "RUE", nomVoie: "DES ALERTES", etat: "DEPLOYE" }),
    ]), options);
    expect(await sendAlertDigests()).toMatchObject({ digests: 1 });
    const [digest] = await digests();
    expect(digest!.subject).toBe("Fibre Pro : du nouveau pour 2 Rue des Alertes, 01000 Bourg-en-Bresse");
    expect(digest!.text).toContain("FttH : Disponible — Raccordable (auparavant : prévu — Déploiement en cours).");

    const published = await savePublication(editor, publication({ scope: "ADDRESSES", addressIds: ELSEWHERE, technology: "FTTO", plannedDate: "2028" }), { intent: "publish" });
    await sendAlertDigests();
    await withdrawPublication(editor, published.id, published.version);
    await sendAlertDigests();
    const texts = (await digests()).map((mail) => mail.text);
    expect(texts).toHaveLength(3);
    expect(texts[2]).toMatch(/FttO : Pas d'annonce \(auparavant : prévu — Déploiement programmé — Ouverture prévue en 2028\)/);
  });

  it("a worker told to stop ends between two people's digests", async () => {
    await follow("premier@entreprise.test", "address", IN_ZONE);
    await follow("second@entreprise.test", "address", IN_ZONE);
    await savePublication(editor, publication({ scope: "ADDRESSES", addressIds: IN_ZONE }), { intent: "publish" });
    let asked = 0;
    expect(await sendAlertDigests(new Date(), { shouldStop: () => ++asked > 1 })).toMatchObject({ digests: 1, checked: 1 });
    expect((await digests()).map((mail) => mail.to)).toEqual(["premier@entreprise.test"]);
    expect(await sendAlertDigests()).toMatchObject({ digests: 1 });
    expect((await digests()).map((mail) => mail.to)).toEqual(["premier@entreprise.test", "second@entreprise.test"]);
  });

  it("two workers checking at the same time queue one digest, not two", async () => {
    await follow("gerant@boulangerie.test", "address", IN_ZONE);
    await follow("gerant@boulangerie.test", "zone", ZONE_ID);
    await savePublication(editor, publication({ scope: "ZONE", zoneId: ZONE_ID, status: "EN_COURS", plannedDate: "S1 2027" }), { intent: "publish" });
    const [a, b] = await Promise.all([sendAlertDigests(), sendAlertDigests()]);
    expect(a.digests + b.digests).toBe(1);
    expect(await digests()).toHaveLength(1);
  });
});

describe("unsubscribing", () => {
  it("one click stops that place's digests; undo brings them back; unsubscribe-all stops everything", async () => {
    const address = await follow("gerant@boulangerie.test", "address", IN_ZONE);
    const zone = await follow("gerant@boulangerie.test", "zone", ZONE_ID);
    expect(await unsubscribe({ id: address.id, t: alertToken("confirm", address.id) })).toEqual({ state: "invalid" });
    const dropped = await unsubscribe({ id: address.id, t: alertToken("unsubscribe", address.id) });
    expect(dropped).toMatchObject({ state: "unsubscribed", count: 1 });

    await savePublication(editor, publication({ scope: "ZONE", zoneId: ZONE_ID }), { intent: "publish" });
    await sendAlertDigests();
    const [digest] = await digests();
    expect(digest!.subject).toBe("Fibre Pro : du nouveau pour Zone d'activités ZA des Alertes (Bourg-en-Bresse)");
    expect(digest!.text).not.toContain("1 Rue des Alertes");

    const undone = await undoUnsubscribe({ id: address.id, t: alertToken("unsubscribe", address.id) }, new Date((dropped as { at: string }).at));
    expect(undone).toMatchObject({ state: "resubscribed", count: 1 });
    // Every alert of the email, by a link signed for the email (it outlives any one subscription).
    const all = { tout: "1" as const, e: "gerant@boulangerie.test", t: alertToken("unsubscribe-all", "gerant@boulangerie.test") };
    expect(await unsubscribe({ ...all, t: alertToken("unsubscribe-all", "autre@entreprise.test") })).toEqual({ state: "invalid" });
    expect(await unsubscribe(all)).toMatchObject({ state: "unsubscribed", count: 2 });
    expect(zone.id).toBeTruthy();
    await savePublication(editor, publication({ scope: "ZONE", zoneId: ZONE_ID, technology: "FTTO" }), { intent: "publish" });
    await sendAlertDigests();
    expect(await digests()).toHaveLength(1);
  });

  it("retention: unconfirmed after 7 days and unsubscribed after 30 days are deleted", async () => {
    await subscribeToAlerts({ email: "jamais@confirme.test", targetType: "address", targetId: IN_ZONE }, ORIGIN, new Date("2026-11-01T00:00:00Z"));
    const gone = await follow("parti@entreprise.test", "address", IN_ZONE);
    await unsubscribe({ id: gone.id, t: alertToken("unsubscribe", gone.id) }, new Date("2026-10-01T00:00:00Z"));
    const kept = await follow("reste@entreprise.test", "address", IN_ZONE);
    expect(await purgeAlertSubscriptions(new Date("2026-11-15T00:00:00Z"))).toBe(2);
    expect((await db.alertSubscription.findMany()).map((row) => row.id)).toEqual([kept.id]);
    expect(await confirmSubscription(gone.id, alertToken("confirm", gone.id))).toEqual({ state: "gone" });
  });

  it("undoing « unsubscribe from everything » brings back exactly what that click ended", async () => {
    const a = await follow("gerant@boulangerie.test", "address", IN_ZONE);
    await follow("gerant@boulangerie.test", "zone", ZONE_ID);
    await unsubscribe({ id: a.id, t: alertToken("unsubscribe", a.id) }, new Date("2026-12-01T08:00:00Z"));
    const all = { tout: "1" as const, e: "gerant@boulangerie.test", t: alertToken("unsubscribe-all", "gerant@boulangerie.test") };
    const ended = await unsubscribe(all, new Date("2026-12-01T09:00:00Z"));
    expect(ended).toMatchObject({ count: 1 });
    expect(await undoUnsubscribe(all, new Date((ended as { at: string }).at))).toMatchObject({ state: "resubscribed", count: 1 });
    const rows = await db.alertSubscription.findMany({ orderBy: { targetKey: "asc" } });
    expect(rows.map((row) => [row.targetKey, row.unsubscribedAt !== null])).toEqual([[`a:${IN_ZONE}`, true], [`z:${ZONE_ID}`, false]]);
  });

  it("a digest being prepared when the person unsubscribes is not queued", async () => {
    const subscription = await follow("gerant@boulangerie.test", "address", IN_ZONE);
    await savePublication(editor, publication({ scope: "ADDRESSES", addressIds: IN_ZONE }), { intent: "publish" });
    // The worker read the subscription (version v), then the click lands before its transaction.
    const read = await db.alertSubscription.findUniqueOrThrow({ where: { id: subscription.id } });
    await unsubscribe({ id: subscription.id, t: alertToken("unsubscribe", subscription.id) });
    const { count } = await db.alertSubscription.updateMany({ where: { id: read.id, version: read.version, unsubscribedAt: null }, data: { checkedAt: new Date() } });
    expect(count).toBe(0);
    expect(await sendAlertDigests()).toMatchObject({ digests: 0 });
    expect(await digests()).toEqual([]);
  });
});
