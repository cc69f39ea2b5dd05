/**
 * The load of `npm run soak`: timed requests per route, public traffic, sign-ins, publication
 * saves through the real server action (the form posted as a browser without JavaScript does),
 * and the imports that hold SQLite's write lock meanwhile.
 */
import { spawn } from "node:child_process";
import { DEMO_PASSWORD, root, signIn } from "./production-server";

/** A request with no answer within this long is a hung one (writes give up after SQLITE_WRITE_WAIT_MS, 5 s). */
export const HUNG_MS = 15_000;
const BUSY_TEXT = "un import de fichier en cours";

export type Outcome = "ok" | "refused_busy" | "error";

interface RouteStats {
  latencies: number[];
  outcomes: Record<Outcome, number>;
  serverErrors: number;
  hung: number;
  /** Connection refused or reset: no HTTP answer at all. */
  unanswered: number;
}

export class Recorder {
  readonly routes = new Map<string, RouteStats>();

  private stats(route: string): RouteStats {
    let stats = this.routes.get(route);
    if (!stats) {
      stats = { latencies: [], outcomes: { ok: 0, refused_busy: 0, error: 0 }, serverErrors: 0, hung: 0, unanswered: 0 };
      this.routes.set(route, stats);
    }
    return stats;
  }

  /** Times `send`; `judge` reads the answer (status and body) into an outcome. A timeout is a hung request. */
  async time(route: string, send: (signal: AbortSignal) => Promise<Response>, judge: (response: Response, body: string) => Outcome): Promise<Response | null> {
    const stats = this.stats(route);
    const started = performance.now();
    try {
      const response = await send(AbortSignal.timeout(HUNG_MS));
      const body = await response.text();
      stats.latencies.push(performance.now() - started);
      if (response.status >= 500) stats.serverErrors += 1;
      stats.outcomes[judge(response, body)] += 1;
      return response;
    } catch (error) {
      if ((error as Error).name === "TimeoutError") stats.hung += 1;
      else stats.unanswered += 1;
      return null;
    }
  }
}

export function percentile(values: readonly number[], share: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const okIf = (isOk: boolean): Outcome => (isOk ? "ok" : "error");

export interface SampleAddress {
  id: string;
  query: string;
}

/** `clients` loops, each sending search, address JSON and address page in turn until `until`. */
export async function publicTraffic(base: string, recorder: Recorder, addresses: readonly SampleAddress[], until: number, clients = 2): Promise<void> {
  const client = async (offset: number) => {
    for (let index = offset; Date.now() < until; index += clients) {
      const address = addresses[index % addresses.length]!;
      await recorder.time("GET /api/v1/search", (signal) => fetch(`${base}/api/v1/search?q=${encodeURIComponent(address.query)}`, { signal }), (r) => okIf(r.status === 200));
      await recorder.time("GET /api/v1/addresses/{id}", (signal) => fetch(`${base}/api/v1/addresses/${address.id}`, { signal }), (r) => okIf(r.status === 200));
      await recorder.time("GET /adresse/{id}", (signal) => fetch(`${base}/adresse/${address.id}`, { signal }), (r) => okIf(r.status === 200));
      await sleep(50);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, offset) => client(offset)));
}

/** The sign-in answer of next-auth (json mode): 200 signed in; 401 with `error=` why. */
function signInOutcome(expected: "good" | "wrong") {
  return (response: Response, body: string): Outcome => {
    const reason = new URL((JSON.parse(body || "{}") as { url?: string }).url ?? "http://x").searchParams.get("error");
    if (expected === "good") return response.status === 200 && !reason ? "ok" : reason?.includes(BUSY_TEXT) ? "refused_busy" : "error";
    return response.status === 401 && reason === "CredentialsSignin" ? "ok" : reason?.includes(BUSY_TEXT) ? "refused_busy" : "error";
  };
}

async function timedSignIn(base: string, recorder: Recorder, route: string, email: string, password: string, expected: "good" | "wrong") {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
  await recorder.time(
    route,
    (signal) =>
      fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
        redirect: "manual",
        signal,
      }),
    signInOutcome(expected),
  );
}

/**
 * A good sign-in every 3 s, a wrong password every 20 s (each for a new address: the per-account
 * lock is not what is measured, and 30 failures per IP in 15 minutes would lock the good ones too).
 */
export async function signIns(base: string, recorder: Recorder, until: number): Promise<void> {
  for (let round = 0; Date.now() < until; round++) {
    await timedSignIn(base, recorder, "sign-in (right password)", "editeur@ca3b.fibre-pro.test", DEMO_PASSWORD, "good");
    if (round % 7 === 0) await timedSignIn(base, recorder, "sign-in (wrong password)", `nobody-${Date.now()}@soak.invalid`, "wrong-password-1", "wrong");
    await sleep(3_000);
  }
}

/** The hidden fields of the publication form (the action's id and key), read from the page as a browser gets it. */
async function publicationForm(base: string, cookie: string): Promise<[string, string][]> {
  const html = await (await fetch(`${base}/admin/publications/nouvelle?commune=01053`, { headers: { Cookie: cookie } })).text();
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(
    (match) => [match[1]!, (match[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&")] as [string, string],
  );
  if (!fields.some(([name]) => name.startsWith("$ACTION"))) throw new Error("the publication form has no server action fields: not signed in?");
  return fields;
}

/** A draft publication for Bourg-en-Bresse saved every 2 s through the form's server action: 303 saved, else the form's message. */
export async function adminWrites(base: string, recorder: Recorder, until: number): Promise<void> {
  const { cookie } = await signIn(base, "editeur@ca3b.fibre-pro.test", DEMO_PASSWORD);
  const hidden = await publicationForm(base, cookie);
  for (let round = 0; Date.now() < until; round++) {
    const form = new FormData();
    for (const [name, value] of hidden) form.append(name, value);
    for (const [name, value] of Object.entries({ scope: "COMMUNE", inseeCode: "01053", technology: "FTTO", status: "PREVU", plannedDate: "T3 2027", message: `soak ${round}`, intent: "draft" })) {
      form.append(name, value);
    }
    await recorder.time(
      "publication save (server action)",
      (signal) => fetch(`${base}/admin/publications/nouvelle?commune=01053`, { method: "POST", body: form, headers: { Cookie: cookie, Origin: base }, redirect: "manual", signal }),
      (response, body) => (response.status === 303 ? "ok" : body.includes(BUSY_TEXT) ? "refused_busy" : "error"),
    );
    await sleep(2_000);
  }
}

export interface ImportRuns {
  runs: number;
  failed: number;
  seconds: number[];
}

/** BAN imports through the command line, one after the other until `until` (each a newer file date). */
export async function importLoop(databaseUrl: string, file: string, until: number): Promise<ImportRuns> {
  const result: ImportRuns = { runs: 0, failed: 0, seconds: [] };
  for (let day = 1; Date.now() < until; day++) {
    const started = performance.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "scripts/import.ts", "ban", file, "--source", "Soak BAN", "--file-date", new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10)],
        { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "ignore", "inherit"] },
      );
      child.once("exit", resolve);
    });
    result.runs += 1;
    if (code !== 0) result.failed += 1;
    result.seconds.push(Math.round((performance.now() - started) / 100) / 10);
  }
  return result;
}
