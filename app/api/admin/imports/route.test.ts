import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-uploads-"));
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const createImportJob = vi.hoisted(() => vi.fn(async () => ({})));
const startImportRunner = vi.hoisted(() => vi.fn());

vi.mock("@/lib/env", async (original) => {
  const actual = await original<typeof import("@/lib/env")>();
  return { ...actual, env: { ...actual.env, UPLOAD_DIR: uploadDir, UPLOAD_MAX_MB: 1 } };
});
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!session.actor) throw new AppError("unauthorized", "Votre session a expiré : reconnectez-vous.");
    return session.actor;
  },
}));
vi.mock("@/lib/data/import-jobs", () => ({ createImportJob }));
vi.mock("@/lib/admin/import-jobs", async (original) => ({ ...(await original<object>()), startImportRunner }));

const { POST } = await import("./route");

const editor: Actor = {
  id: "user-1",
  email: "editeur@bourg.test",
  name: null,
  role: "EDITOR",
  organisationId: "org-1",
  organisationName: "Bourg Agglo",
  territory: new Set(["01053"]),
};

const upload = (query: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  POST(new NextRequest(`http://localhost/api/admin/imports?${query}`, { method: "POST", body, headers, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]));

/** A body sent in chunks, with no Content-Length: only the byte count can stop it. */
const chunked = (chunks: number, size: number) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < chunks; i += 1) controller.enqueue(new Uint8Array(size).fill(65));
      controller.close();
    },
  });

describe("POST /api/admin/imports", () => {
  beforeEach(() => {
    session.actor = null;
    createImportJob.mockClear();
    startImportRunner.mockClear();
  });

  it("answers 401 problem+json without a session", async () => {
    const response = await upload("format=ipe&fileName=ipe.csv", "a;b\n1;2\n");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 401, detail: "Votre session a expiré : reconnectez-vous." });
  });

  it("answers 403 for another organisation, 400 for an unknown format", async () => {
    session.actor = editor;
    expect((await upload("format=ipe&fileName=ipe.csv&organisationId=org-2", "x")).status).toBe(403);
    const invalid = await upload("format=excel&fileName=ipe.csv", "x");
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ invalid_params: [{ name: "format", reason: "Choisissez le format du fichier." }] });
    expect(createImportJob).not.toHaveBeenCalled();
  });

  it("refuses a request from another site's page with a French 403, whatever the session", async () => {
    session.actor = editor;
    const foreign: Record<string, string>[] = [
      { origin: "https://evil.example", host: "localhost" },
      { origin: "null", host: "localhost" },
      { "sec-fetch-site": "cross-site", host: "localhost" },
    ];
    for (const headers of foreign) {
      const response = await upload("format=ipe&fileName=ipe.csv", "a;b\n1;2\n", headers);
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ detail: "Requête refusée : elle ne vient pas d'une page de ce site." });
    }
    expect(createImportJob).not.toHaveBeenCalled();
  });

  it("refuses a file over UPLOAD_MAX_MB with a French 413, even when it does not say its size", async () => {
    session.actor = editor;
    const declared = await upload("format=ipe&fileName=gros.csv", "x", { "content-length": String(2 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    const streamed = await upload("format=ipe&fileName=gros.csv", chunked(20, 64 * 1024));
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ detail: "Le fichier dépasse la taille maximale acceptée (1 Mo)." });
    expect(fs.readdirSync(uploadDir)).toEqual([]);
    expect(createImportJob).not.toHaveBeenCalled();
  });

  it("streams the file to UPLOAD_DIR/<job>/<safe name>, records the job with a path relative to UPLOAD_DIR and starts its check", async () => {
    session.actor = editor;
    const fromOurPage = { origin: "http://localhost", host: "localhost", "sec-fetch-site": "same-origin" };
    const response = await upload("format=ipe&fileName=../IPE%20été.csv&source=IPE%20LIAIN", chunked(3, 1000), fromOurPage);
    expect(response.status).toBe(201);
    const { id, url } = await response.json();
    expect(url).toBe(`/admin/imports/${id}`);
    const saved = path.join(uploadDir, id, "IPE_ete.csv");
    expect(fs.statSync(saved).size).toBe(3000);
    expect(createImportJob).toHaveBeenCalledWith(
      expect.objectContaining({ id, organisationId: "org-1", format: "ipe", sourceName: "IPE LIAIN", filePath: `${id}/IPE_ete.csv`, byteSize: 3000 }),
      editor,
    );
    expect(startImportRunner).toHaveBeenCalledWith(id, "check");
  });
});
