import { describe, expect, it } from "vitest";
import { AppError, toAppError } from "@/lib/errors";

describe("toAppError", () => {
  it("keeps an AppError thrown by another copy of lib/errors.ts (another Next bundle)", () => {
    // What another bundle's AppError looks like from here: same brand, another class.
    const brand = Object.getOwnPropertySymbols(new AppError("internal", "x")).find((symbol) => symbol.description === "fibre-pro.app-error")!;
    const foreign = Object.assign(new Error("La base de données est occupée par un import de fichier en cours."), { code: "unavailable", invalidParams: [], [brand]: true });
    const converted = toAppError(foreign);
    expect(converted).toBeInstanceOf(AppError);
    expect(converted).toMatchObject({ code: "unavailable", status: 503, message: "La base de données est occupée par un import de fichier en cours." });
  });

  it("turns anything else into a bare internal error", () => {
    expect(toAppError(new Error("disk I/O error"))).toMatchObject({ code: "internal", message: "Une erreur interne est survenue. Réessayez dans un instant." });
    expect(toAppError({ code: "unavailable", message: "not branded" })).toMatchObject({ code: "internal" });
  });
});
