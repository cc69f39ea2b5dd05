import { describe, expect, it } from "vitest";
import { ACTION_BODY_MAX_BYTES, MAX_NESTING_DEPTH, actionBodyProblem, nestsDeeperThan } from "@/lib/http/body-limits";

const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
const action = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://localhost/admin/zones", { method: "POST", body, headers });

describe("nestsDeeperThan", () => {
  it("counts brackets outside strings only", () => {
    expect(nestsDeeperThan(deep(300), MAX_NESTING_DEPTH)).toBe(true);
    expect(nestsDeeperThan(deep(200), MAX_NESTING_DEPTH)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify(["[".repeat(1000), { a: '{"[[[\\' }]), MAX_NESTING_DEPTH)).toBe(false);
  });
});

describe("actionBodyProblem", () => {
  it("answers 413 for a body over the limit, declared or not", async () => {
    expect(await actionBodyProblem(action("x", { "content-length": String(ACTION_BODY_MAX_BYTES + 1) }))).toMatchObject({ status: 413 });
    const problem = await actionBodyProblem(action("x".repeat(ACTION_BODY_MAX_BYTES + 1)));
    expect(problem).toEqual({ status: 413, message: "Le contenu envoyé est trop volumineux (3 Mo au plus)." });
  });

  it("answers 400 for a 200,000-deep body, plain or in a multipart field", async () => {
    expect(await actionBodyProblem(action(deep(200_000), { "content-type": "text/plain;charset=UTF-8" }))).toMatchObject({ status: 400 });
    const form = new FormData();
    form.set("1_name", "ZA");
    form.set("0", deep(200_000));
    expect(await actionBodyProblem(action(form))).toMatchObject({ status: 400, message: expect.stringContaining("imbriqué trop profondément") });
  });

  it("lets an ordinary form through", async () => {
    const form = new FormData();
    form.set("1_outline", JSON.stringify({ type: "Polygon", coordinates: [[[5.2, 46.2], [5.21, 46.2], [5.21, 46.21], [5.2, 46.2]]] }));
    form.set("1_contact", "Tél. : 04 74 [standard] \"accueil\" {lundi-vendredi}");
    form.set("0", '["$K1"]');
    expect(await actionBodyProblem(action(form))).toBeNull();
  });
});
