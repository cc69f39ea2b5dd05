import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { batchCheckResponse } from "@/lib/api/batch-check";
import { MemoryRateLimitStore, RateLimiter } from "@/lib/api/rate-limit";
import { encodeText } from "@/lib/batch/codec";
import { BATCH_LIMITS } from "@/lib/batch/limits";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { validated } from "@/lib/testing/openapi";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { POST } from "./route";

const PATH = "/api/v1/eligibility/csv";
const limiter = globalThis as unknown as { fibreProRateLimiter?: RateLimiter; fibreProBatchLineLimiter?: RateLimiter };
/** SIRETs of the test: a linked establishment, one without an address, one never stored (non-diffusible at import). */
const LINKED = "55210055400013";
const UNLINKED = "55210055400021";
const HIDDEN = "73282932000074";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-export.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00014", numero: "14", rep: "bis", lon: "5.2260", lat: "46.2049" }),
    banLine({ id: "01053_0150_00031", numero: "31", lon: "5.2262", lat: "46.2050" }),
  ]), { triggeredBy: "test" });
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/12", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", dateMes: "20240101", fibreDediee: "O" }),
    ipeLine({ id: "IMB/14", etat: "EN COURS DE DEPLOIEMENT", numero: "14", complement: "B", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", dateMes: "20270301" }),
  ]), { triggeredBy: "test" });
  const establishment = { siren: "552100554", inseeCode: "01053", searchName: "boulangerie", contentHash: "x" };
  await db.establishment.create({ data: { ...establishment, siret: LINKED, tradeName: "Boulangerie", addressId: "01053_0150_00012", matchMethod: "ban-id" } });
  await db.establishment.create({ data: { ...establishment, siret: UNLINKED, tradeName: "Atelier" } });
  limiter.fibreProRateLimiter = new RateLimiter(new MemoryRateLimitStore(), 0, 60);
});

afterEach(() => {
  vi.restoreAllMocks();
  limiter.fibreProRateLimiter = new RateLimiter(new MemoryRateLimitStore(), 0, 60);
  limiter.fibreProBatchLineLimiter = undefined;
});

function form(file: Uint8Array | string, fields: Record<string, string | string[]> = {}, fileField = "data", name = "membres.csv"): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item);
  body.append(fileField, new Blob([typeof file === "string" ? file : new Uint8Array(file)]), name);
  return body;
}

const request = (body: FormData | string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://localhost${PATH}`, { method: "POST", body, headers: { host: "localhost", "x-forwarded-for": "203.0.113.9", ...headers } });

const post = (body: FormData) => validated(POST(request(body), { params: Promise.resolve({}) }), PATH);

const rowsOf = (text: string, delimiter = ";") => parse(text, { delimiter, columns: true, bom: true, relax_column_count: true }) as Record<string, string>[];

describe("POST /api/v1/eligibility/csv", () => {
  it("keeps every line in order and tells SIRET, address and none apart, with the levels of each technology", async () => {
    const csv = [
      "nom;siret;numero;voie;code_postal;commune",
      `Boulangerie;${LINKED};;;;`,
      "Garage;;14 bis;Av. d'Alsace-Lorraine;01000;Bourg-en-Bresse",
      "Pressing;;33;avenue d'Alsace Lorraine;01000;Bourg-en-Bresse",
      `Atelier;${UNLINKED};;;;`,
      "Fleuriste;123;;;;",
      "Cassé;;12;avenue d'Alsace-Lorraine",
      "",
      "Café;;;;;",
    ].join("\n");
    const response = await post(form(csv));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="membres-fibre-pro.csv"');
    const text = await response.text();
    expect(text.split("\n")[0]).toBe(
      "nom;siret;numero;voie;code_postal;commune;fp_match;fp_score;fp_ban_id;fp_label;fp_url;" +
        "fp_ftth_level;fp_ftth_status;fp_ftth_date;fp_ftth_source;fp_ftth_pro_level;fp_ftth_pro_status;fp_ftth_pro_date;fp_ftth_pro_source;" +
        "fp_ftte_level;fp_ftte_status;fp_ftte_date;fp_ftte_source;fp_ftto_level;fp_ftto_status;fp_ftto_date;fp_ftto_source;fp_reason",
    );
    const rows = rowsOf(text);
    expect(rows.map((row) => [row.nom, row.fp_match, row.fp_ban_id])).toEqual([
      ["Boulangerie", "siret", "01053_0150_00012"],
      ["Garage", "address", "01053_0150_00014"],
      ["Pressing", "none", ""],
      ["Atelier", "none", ""],
      ["Fleuriste", "none", ""],
      ["Cassé", "none", ""],
      ["", "none", ""],
      ["Café", "none", ""],
    ]);
    expect(rows[0]).toMatchObject({
      fp_score: "1",
      fp_label: "12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse",
      fp_url: `http://localhost/adresse/01053_0150_00012?siret=${LINKED}`,
      fp_ftth_level: "AVAILABLE",
      fp_ftth_status: "DEPLOYE",
      fp_ftth_date: "2024-01-01",
      fp_ftth_source: "IPE LIAIN",
      fp_ftto_level: "ON_REQUEST",
      fp_ftto_status: "",
      fp_reason: "",
    });
    expect(rows[1]).toMatchObject({ fp_score: "1", fp_url: "http://localhost/adresse/01053_0150_00014", fp_ftth_level: "PLANNED", fp_ftth_status: "EN_COURS", fp_ftth_date: "2027-03-01" });
    // 33 is not 31: a stated number is never matched to another.
    expect(rows[2]!.fp_reason).toMatch(/33/);
    expect(rows[3]!.fp_reason).toBe("établissement sans adresse rattachée");
    expect(rows[4]!.fp_reason).toMatch(/SIRET « 123 » invalide/);
    expect(rows[5]!.fp_reason).toBe("ligne mal formée : 4 champs au lieu de 6");
    expect(rows[6]!.fp_reason).toBe("ligne vide");
    expect(rows[7]!.fp_reason).toBe("ni SIRET ni adresse sur cette ligne");
    expect(text.trimEnd().split("\n")).toHaveLength(9);
  });

  it("answers a non-diffusible SIRET exactly like one that does not exist, reading establishments only from the Establishment table", async () => {
    const sql: string[] = [];
    const raw = db.$queryRawUnsafe.bind(db);
    vi.spyOn(db, "$queryRawUnsafe").mockImplementation(((query: string, ...values: unknown[]) => {
      sql.push(query);
      return raw(query, ...values);
    }) as typeof db.$queryRawUnsafe);
    const legalUnits = [vi.spyOn(db.legalUnit, "findMany"), vi.spyOn(db.legalUnit, "findUnique"), vi.spyOn(db.legalUnit, "findFirst")];
    const establishments = vi.spyOn(db.establishment, "findMany");
    const text = await (await post(form(`siret\n${HIDDEN}\n99999999999999\n${LINKED}\n`))).text();
    const rows = rowsOf(text);
    expect(rows.map((row) => [row.fp_match, row.fp_reason, row.fp_label])).toEqual([
      ["none", "SIRET inconnu", ""],
      ["none", "SIRET inconnu", ""],
      ["siret", "", "12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse"],
    ]);
    expect(establishments).toHaveBeenCalled();
    for (const spy of legalUnits) expect(spy).not.toHaveBeenCalled();
    expect(sql.length).toBeGreaterThan(0);
    for (const query of sql) expect(query).not.toMatch(/Establishment|LegalUnit|Sirene/i);
  });

  it.each([
    [",", "utf-8 with BOM", true],
    ["\t", "utf-8", false],
  ])("answers with the same separator (%j) and encoding (%s)", async (separator, _label, hasBom) => {
    const csv = ["numero", "voie", "code_insee"].join(separator) + "\n" + ["12", "Avenue d'Alsace-Lorraine", "01053"].join(separator) + "\n";
    const bytes = Buffer.concat([hasBom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(csv)]);
    const response = await post(form(bytes));
    const answer = Buffer.from(await response.arrayBuffer());
    expect([...answer.subarray(0, 3)].join(",") === "239,187,191").toBe(hasBom);
    const rows = rowsOf(answer.toString("utf8"), separator);
    expect(rows[0]).toMatchObject({ numero: "12", fp_match: "address", fp_ban_id: "01053_0150_00012" });
  });

  it("answers a Windows-1252 file in Windows-1252, postcode and commune giving the INSEE code", async () => {
    const csv = "Raison sociale;N°;Libellé voie;CP;Ville\nCafé de la Poste;14B;avenue d'Alsace-Lorraine;01000;Bourg-en-Bresse\n";
    const response = await post(form(encodeText(csv, "windows-1252")));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=windows-1252");
    const answer = Buffer.from(await response.arrayBuffer());
    expect(answer.includes(Buffer.from("Café", "utf8"))).toBe(false);
    const rows = rowsOf(new TextDecoder("windows-1252").decode(answer));
    expect(rows[0]).toMatchObject({ "Raison sociale": "Café de la Poste", fp_match: "address", fp_ban_id: "01053_0150_00014" });
  });

  it("reads the columns and the SIRET column named by the request, and a free-text address only when it is sure", async () => {
    const csv = [
      "Identifiant;Où;Remarque",
      `${LINKED};;`,
      ";12 av Alsace-Lorraine 01000 Bourg-en-Bresse;",
      ";12 avenue d'Alsace-Lorraine;",
      ";avenue d'Alsace-Lorraine Bourg-en-Bresse;",
    ].join("\n");
    const rows = rowsOf(await (await post(form(csv, { columns: "Où", siret: "Identifiant" }))).text());
    expect(rows.map((row) => [row.fp_match, row.fp_ban_id])).toEqual([
      ["siret", "01053_0150_00012"],
      ["address", "01053_0150_00012"],
      ["address", "01053_0150_00012"],
      ["none", ""],
    ]);
    expect(Number(rows[1]!.fp_score)).toBeLessThan(1);
    expect(rows[3]!.fp_reason).toMatch(/sans numéro/);
  });

  it("answers an XLSX workbook when asked, every cell as text", async () => {
    const response = await post(form("siret;code_insee\n" + LINKED + ";01053\n", { format: "xlsx" }));
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe("fp_match");
    expect(sheet.getRow(2).getCell(2).value).toBe("01053");
    expect(sheet.getRow(2).getCell(3).value).toBe("siret");
  });

  it.each([
    ["no file", () => { const body = new FormData(); body.append("columns", "adresse"); return body; }, /Aucun fichier/],
    ["a file in another field", () => form("siret\n1\n", {}, "fichier"), /Aucun fichier/],
    ["an empty file", () => form(""), /vide/],
    ["no column to match on", () => form("nom;ville\nA;B\n"), /Aucune colonne reconnue/],
    ["a named column that is not there", () => form("siret\n1\n", { columns: "adresse" }), /« adresse »/],
  ])("refuses %s with a 400 problem+json", async (_case, body, detail) => {
    const response = await post(body());
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await response.json()).detail).toMatch(detail);
  });

  it("refuses a body that is not multipart with a 400", async () => {
    const response = await validated(POST(request("siret\n1\n", { "content-type": "text/csv" }), { params: Promise.resolve({}) }), PATH);
    expect(response.status).toBe(400);
  });

  it.each([
    ["too many lines", () => "siret\n" + "1\n".repeat(BATCH_LIMITS.lines + 1), /100001 lignes ; 100000 au plus/],
    ["a line too long", () => `siret;nom\n1;${"x".repeat(BATCH_LIMITS.lineBytes + 1)}\n`, /La ligne 2 dépasse/],
    ["too many columns", () => `siret;${Array.from({ length: BATCH_LIMITS.columns }, (_, index) => `c${index}`).join(";")}\n1\n`, /colonnes ; 100 au plus/],
  ])("refuses %s with a 413 problem+json in French", async (_case, csv, detail) => {
    const response = await post(form(csv()));
    expect(response.status).toBe(413);
    expect((await response.json()).detail).toMatch(detail);
  });

  it("refuses a file over the size limit with a 413", async () => {
    const response = await batchCheckResponse(request(form("siret\n" + "55210055400013\n".repeat(100))), { ...BATCH_LIMITS, fileBytes: 1000 }).catch((error: unknown) => error);
    expect(response).toMatchObject({ code: "payload_too_large", message: "Le fichier dépasse 1000 octets." });
  });

  it("counts the lines against the batch budget, refusing a file over what remains whole, before any work, counting nothing", async () => {
    limiter.fibreProRateLimiter = new RateLimiter(new MemoryRateLimitStore(), 300, 60);
    limiter.fibreProBatchLineLimiter = new RateLimiter(new MemoryRateLimitStore(), 10, 3600, Date.now, "batch-lines");
    const lines = (count: number) => "siret\n" + `${LINKED}\n`.repeat(count);
    const refused = await post(form(lines(11)));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.headers.get("batch-lines-remaining")).toBe("10");
    expect(refused.headers.get("batch-lines-limit")).toBe("10");
    expect((await refused.json()).detail).toMatch(/^Ce fichier compte 11 lignes ; il vous en reste 10 à vérifier sur 10 par période de 1 h\. Réessayez dans \d+ s ou envoyez un fichier plus court\.$/);
    const accepted = await post(form(lines(10)));
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("batch-lines-remaining")).toBe("0");
    expect(rowsOf(await accepted.text())).toHaveLength(10);
    // Each upload is one API request, whatever its lines: 300 - 2.
    expect(accepted.headers.get("ratelimit-remaining")).toBe("298");
    expect((await post(form(lines(1)))).status).toBe(429);
  });

  it("counts the upload as one API request: over the request limit, 429 before the file is read", async () => {
    limiter.fibreProRateLimiter = new RateLimiter(new MemoryRateLimitStore(), 1, 60);
    const first = await post(form("siret\n" + `${LINKED}\n`.repeat(500)));
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-remaining")).toBe("0");
    expect(first.headers.get("batch-lines-remaining")).toBe(String(200_000 - 500));
    await first.text();
    const second = await post(form("siret\n" + `${LINKED}\n`));
    expect(second.status).toBe(429);
    expect((await second.json()).detail).toMatch(/^Trop de requêtes : 1 par période autorisées/);
    expect(second.headers.get("batch-lines-remaining")).toBeNull();
  });

  it("exposes the budget headers to a page of another origin", async () => {
    const response = await post(form("siret\n" + `${LINKED}\n`));
    expect(response.headers.get("access-control-expose-headers")).toMatch(/Batch-Lines-Remaining/);
    await response.text();
  });
});
