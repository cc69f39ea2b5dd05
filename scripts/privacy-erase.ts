/**
 * npm run privacy:erase -- <email>
 *
 * Erases a person's personal data on request (RGPD): the email left with field reports. Prints what
 * was erased; running it again erases nothing more.
 */
import "@/lib/cli/load-env";
import os from "node:os";
import { runCli } from "@/lib/cli/run";
import { erasePersonalData } from "@/lib/data/privacy";

runCli(async () => {
  const [email, ...extra] = process.argv.slice(2);
  if (!email || extra.length || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    console.error("usage: npm run privacy:erase -- <email>");
    process.exit(2);
  }
  const counts = await erasePersonalData(email, { id: null, email: `cli:${os.userInfo().username}` });
  console.log(`Erased: the email from ${counts.fieldReports} field report${counts.fieldReports === 1 ? "" : "s"}.`);
});
