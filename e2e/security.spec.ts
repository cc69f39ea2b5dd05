/**
 * Security headers and request guards (issue #15): every page's Content-Security-Policy carries a
 * fresh script nonce and the pages still work under it (search suggestions, Leaflet maps; the
 * fixtures fail any test whose pages report a violation); server actions from another site, too
 * large or absurdly nested are refused in French before they run.
 */
import { expect, test } from "./fixtures";

test("pages run their scripts by nonce under a strict policy", async ({ page, request, expectAccessible }) => {
  test.slow();
  const first = await request.get("/");
  const second = await request.get("/");
  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("img-src 'self' data: blob: https://tiles.fibre-pro.invalid");
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  // Served over plain HTTP here: no HSTS (it is only sent over HTTPS, when HSTS_MAX_AGE is set).
  expect(first.headers()["strict-transport-security"]).toBeUndefined();

  await page.goto("/");
  await page.getByRole("combobox", { name: /Rechercher une adresse/ }).pressSequentially("12 av alsace lorraine bourg");
  await expect(page.getByRole("listbox", { name: "Suggestions" }).getByRole("option").first()).toContainText("12 Avenue d'Alsace-Lorraine");
  await expectAccessible();

  await page.goto("/carte?lat=46.2052&lon=5.2255&z=15");
  await expect(page.locator(".leaflet-tile-loaded").first()).toBeVisible();
  await expectAccessible();
});

test("server actions from another site, too large or too deeply nested are refused in French", async ({ request, baseURL }) => {
  const action = { "Next-Action": "0000000000000000000000000000000000000000", "Content-Type": "text/plain;charset=UTF-8" };
  const foreign = await request.post("/connexion", { headers: { ...action, Origin: "https://evil.example" }, data: '["x"]' });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toBe("Requête refusée : elle ne vient pas d'une page de ce site.");

  const ours = { ...action, Origin: baseURL! };
  const large = await request.post("/connexion", { headers: ours, data: "x".repeat(3 * 1024 * 1024 + 1) });
  expect(large.status()).toBe(413);
  expect(await large.text()).toBe("Le contenu envoyé est trop volumineux (3 Mo au plus).");

  const deep = await request.post("/connexion", { headers: ours, data: `${"[".repeat(200_000)}${"]".repeat(200_000)}` });
  expect(deep.status()).toBe(400);
  expect(await deep.text()).toBe("Le contenu envoyé est mal formé : il est imbriqué trop profondément.");

  const signIn = await request.post("/api/auth/callback/credentials", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: `email=${"a".repeat(70_000)}` });
  expect(signIn.status()).toBe(413);
  expect((await signIn.json()).detail).toBe("Le contenu envoyé est trop volumineux (64 ko au plus).");
});
