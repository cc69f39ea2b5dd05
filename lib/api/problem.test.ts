import { describe, expect, it, vi } from "vitest";
import { AppError, toAppError } from "@/lib/errors";
import { problemResponse, toProblem } from "./problem";

describe("error model", () => {
  it("maps Prisma codes, not messages", () => {
    expect(toAppError(Object.assign(new Error("whatever"), { code: "P2002" })).status).toBe(409);
    expect(toAppError(Object.assign(new Error("whatever"), { code: "P2025" })).status).toBe(404);
  });

  it("serialises an AppError as RFC 9457 problem details", () => {
    const problem = toProblem(new AppError("bad_request", "q : trop long", [{ name: "q", reason: "trop long" }]));
    expect(problem).toEqual({
      type: "/api#erreur-bad-request",
      title: "Requête invalide",
      status: 400,
      detail: "q : trop long",
      invalid_params: [{ name: "q", reason: "trop long" }],
    });
  });

  it("never echoes an unexpected error's internals", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = problemResponse(new Error("SQLITE_CORRUPT at /srv/secret/path"));
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const text = await response.text();
    expect(text).not.toContain("SQLITE_CORRUPT");
    expect(text).not.toContain("/srv/secret");
    expect(JSON.parse(text)).toMatchObject({ status: 500, title: "Erreur interne" });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
