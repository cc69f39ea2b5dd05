/**
 * npm run privacy:erase -- <email>
 *
 * Erases a person's personal data on request (RGPD): the email left with field reports, their alert
 * subscriptions and the mails queued for them. Prints what was erased; running it again erases nothing more.
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
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  console.log(
    `Erased: the email from ${plural(counts.fieldReports, "field report")}, ${plural(counts.alertSubscriptions, "alert subscription")}, ${plural(counts.mails, "queued or sent mail")}.`,
  );
});
