/** What file names tell: "LIAIN_01_SIEA_PM_IPEZMD_V20_20220914_00_PBOOK.csv" → LIAIN, 14/09/2022. */

/** The first YYYYMMDD of the name that is a real date, at midnight UTC. */
export function dateFromFileName(fileName: string): Date | null {
  for (const match of fileName.matchAll(/(?:^|[^0-9])((?:19|20)\d{2})(\d{2})(\d{2})(?![0-9])/g)) {
    const [, year, month, day] = match;
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day)) return date;
  }
  return null;
}

/** The operator or RIP code that starts the name ("LIAIN_…" → "LIAIN"), if it has one. */
export function producerFromFileName(fileName: string): string | null {
  const match = /^([A-Z][A-Z0-9]{2,7})_/.exec(fileName);
  return match?.[1] ?? null;
}
