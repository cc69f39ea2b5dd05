import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, zCursor } from "@/lib/api/cursor";

describe("opaque cursors", () => {
  it("round-trips a key of one or several parts", () => {
    expect(decodeCursor(encodeCursor(["01053_SITE-ECO_00001"]), 1)).toEqual(["01053_SITE-ECO_00001"]);
    expect(decodeCursor(encodeCursor(["2026-11-30T10:00:00.000Z", 42]), 2)).toEqual(["2026-11-30T10:00:00.000Z", 42]);
    expect(encodeCursor(["a/b+c"])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("refuses what is not one of its cursors", () => {
    for (const garbage of ["garbage", "", "%%%", encodeCursor(["a", "b"]), Buffer.from('{"id":1}').toString("base64url"), encodeCursor([""])]) {
      expect(decodeCursor(garbage, 1), garbage).toBeNull();
    }
  });

  it("is a zod parameter answering a French message", () => {
    const schema = zCursor(1);
    expect(schema.parse(encodeCursor(["x"]))).toEqual(["x"]);
    const failed = schema.safeParse("garbage");
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toMatch(/cursor invalide/);
  });
});
