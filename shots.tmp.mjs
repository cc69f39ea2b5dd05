import { chromium } from "@playwright/test";
const base = process.env.BASE ?? "http://127.0.0.1:3100";
const [email, password, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const width of [1280, 360]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "fr-FR" });
  const page = await context.newPage();
  await page.route(/tiles\.fibre-pro\.invalid/, (r) => r.fulfill({ status: 200, contentType: "image/png", body: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64") }));
  if (email !== "-") {
    const { csrfToken } = await (await page.request.get(`${base}/api/auth/csrf`)).json();
    await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, email, password, json: "true" } });
  }
  for (const p of paths) {
    await page.goto(base + p);
    await page.waitForTimeout(800);
    const name = `/tmp/shot-${width}-${p.replace(/[^a-z0-9]+/gi, "_")}.png`;
    await page.screenshot({ path: name, fullPage: true });
    console.log(name);
  }
}
await browser.close();
