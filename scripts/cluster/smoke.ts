/**
 * The cluster demo's smoke test: the main journeys through nginx, in Debian Chromium where a
 * person uses a form (sign-in, publication, import, alert), plain HTTP elsewhere. It also proves
 * the replica's part: with the standby's replay paused, an anonymous visitor does not see a fresh
 * publication yet (public pages read from the standby) while its author does (primary); a stopped
 * standby leaves the public pages answering from the primary.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { IPE_HEADER, ipeLine } from "@/lib/testing/import-files";
import { get } from "./processes";
import { startReplica, stopReplica } from "./pg-pair";

export interface SmokeTarget {
  nginxPort: number;
  webPorts: number[];
  outboxDir: string;
  replicaDatabaseUrl: string;
  pairDir: string;
}

const ZONE_ID = "01053_SITE-ECO_00001";
const MANAGER = "responsable@ca3b.fibre-pro.test";
const CHROMIUM = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/lib/chromium/chromium-headless-shell") ? "/usr/lib/chromium/chromium-headless-shell" : "/usr/bin/chromium");

let failures = 0;

function check(label: string, isOk: boolean, detail = ""): void {
  console.log(`${isOk ? "ok  " : "FAIL"} ${label}${isOk || !detail ? "" : ` — ${detail}`}`);
  if (!isOk) failures += 1;
}

async function poll(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return condition();
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/admin/, { timeout: 30_000 });
}

async function publish(page: Page, message: string): Promise<void> {
  await page.goto(`/admin/publications/nouvelle?zone=${ZONE_ID}`);
  await page.getByLabel("Technologie").selectOption("FTTE");
  await page.getByLabel("État").selectOption("PREVU");
  await page.getByLabel("Date prévue").fill("T4 2027");
  await page.getByLabel("Message aux entreprises").fill(message);
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /^Publié :/ }).waitFor({ timeout: 30_000 });
}

/** Upload through POST /api/admin/imports, checked then applied by `npm run worker`. */
async function importThroughWorker(page: Page, origin: string): Promise<void> {
  const suffix = Date.now().toString(36);
  const file = [IPE_HEADER, ipeLine({ id: `CLUSTER/${suffix}/1`, numero: "1", typeVoie: "AV", nomVoie: "DES PRES", dateMes: "20260105", fibreDediee: "O" })].join("\n");
  const upload = await page.request.post(`/api/admin/imports?format=ipe&fileName=cluster-${suffix}.csv&source=${encodeURIComponent(`IPE cluster ${suffix}`)}`, {
    headers: { Origin: origin, "Content-Type": "text/csv" },
    data: Buffer.from(file, "utf8"),
  });
  check("an upload is accepted (POST /api/admin/imports)", upload.status() === 201, `status ${upload.status()}: ${await upload.text()}`);
  if (upload.status() !== 201) return;
  const { url } = (await upload.json()) as { url: string };
  const state = page.getByRole("status").first();
  const reaches = (label: string) =>
    poll(async () => {
      await page.goto(url);
      return (await state.textContent())?.trim() === label;
    }, 90_000);
  check("the worker checks it (Vérifié : à confirmer)", await reaches("Vérifié : à confirmer"), `state ${await state.textContent()}`);
  await page.getByRole("button", { name: "Appliquer l'import" }).click();
  check("the worker applies it (Importé)", await reaches("Importé"), `state ${await state.textContent()}`);
}

async function subscribeToAlerts(page: Page, outboxDir: string): Promise<void> {
  const email = `alerte-${Date.now().toString(36)}@cluster.test`;
  await page.goto(`/zone/${ZONE_ID}`);
  const form = page.getByRole("region", { name: /^Être prévenu/ });
  await form.getByLabel("Votre adresse e-mail").fill(email);
  await form.getByRole("button", { name: "Me prévenir" }).click();
  await form.getByRole("status").filter({ hasText: email }).waitFor({ timeout: 30_000 });
  const hasMail = () => fs.existsSync(outboxDir) && fs.readdirSync(outboxDir).some((file) => file.endsWith(".eml") && fs.readFileSync(path.join(outboxDir, file), "utf8").includes(email));
  check("an alert subscription gets its confirmation mail in the shared outbox", await poll(async () => hasMail(), 60_000), `no mail to ${email} in ${outboxDir}`);
}

export async function runSmoke(target: SmokeTarget): Promise<number> {
  failures = 0;
  const origin = `http://127.0.0.1:${target.nginxPort}`;
  const search = await get(target.nginxPort, "/api/v1/search?q=bourg%20en%20bresse");
  check("search through nginx", search.status === 200 && search.body.includes('"results":[{'), `status ${search.status}`);
  const addresses = await get(target.nginxPort, `/api/v1/zones/${ZONE_ID}/addresses?limit=1`);
  const addressId = addresses.status === 200 ? ((JSON.parse(addresses.body) as { items: { id: string }[] }).items[0]?.id ?? "") : "";
  const addressPage = await get(target.nginxPort, `/adresse/${addressId}`);
  check("an address page through nginx", addressId !== "" && addressPage.status === 200 && addressPage.body.includes("<h1"), `address ${addressId}, status ${addressPage.status}`);

  const standby = new pg.Client({ connectionString: target.replicaDatabaseUrl });
  await standby.connect();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const admin = await (await browser.newContext({ baseURL: origin })).newPage();
    await signIn(admin, MANAGER);
    const message = `Travaux de raccordement (démo cluster ${Date.now().toString(36)})`;
    const zonePage = (port: number, headers: Record<string, string> = {}) => get(port, `/zone/${ZONE_ID}`, headers);
    await standby.query("SELECT pg_wal_replay_pause()");
    try {
      await publish(admin, message);
      await admin.goto(`/zone/${ZONE_ID}`);
      check("its author sees the publication at once (read from the primary)", (await admin.content()).includes(message));
      const anonymous = await zonePage(target.webPorts[1]!);
      check("an anonymous visitor does not see it while the standby's replay is paused (read from the replica)", anonymous.status === 200 && !anonymous.body.includes(message), `status ${anonymous.status}`);
    } finally {
      await standby.query("SELECT pg_wal_replay_resume()");
    }
    for (const port of target.webPorts) {
      check(`the public page shows it once replayed, on the server at :${port}`, await poll(async () => (await zonePage(port)).body.includes(message), 15_000));
    }
    await importThroughWorker(admin, origin);
    await subscribeToAlerts(await (await browser.newContext({ baseURL: origin })).newPage(), target.outboxDir);
  } catch (error) {
    check("the browser journeys ran to their end", false, error instanceof Error ? error.message : String(error));
  } finally {
    await browser.close();
    await standby.end().catch(() => undefined);
  }

  stopReplica(target.pairDir);
  try {
    const whileDown = await Promise.all([get(target.nginxPort, "/api/v1/search?q=bourg"), get(target.nginxPort, `/zone/${ZONE_ID}`)]);
    check("with the standby stopped, search and public pages still answer (from the primary)", whileDown.every((answer) => answer.status === 200), `statuses ${whileDown.map((answer) => answer.status)}`);
    const health = JSON.parse((await get(target.webPorts[0]!, "/api/health")).body) as { status: string; replica?: { status: string } };
    check("/api/health stays ok and reports the replica down", health.status === "ok" && health.replica?.status === "down", JSON.stringify(health));
  } finally {
    startReplica(target.pairDir);
  }
  return failures;
}
