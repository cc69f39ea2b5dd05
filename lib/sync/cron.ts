/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week, UTC) for DATA_SYNC_CRON:
 * numbers, `*`, lists `1,15`, ranges `1-5` and steps `*\/6`, `0-30/10`. As in cron, when both the
 * day of the month and the day of the week are restricted, either one matching is enough.
 */

const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
] as const;

export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  isDayRestricted: boolean;
  isWeekdayRestricted: boolean;
}

/** Parses an expression; throws an Error that names the faulty field. */
export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`"${expression}" must have 5 fields (minute hour day month weekday)`);
  const sets = parts.map((part, index) => parseField(part, FIELDS[index]!));
  const weekdays = new Set([...sets[4]!].map((day) => day % 7));
  return {
    minutes: sets[0]!,
    hours: sets[1]!,
    days: sets[2]!,
    months: sets[3]!,
    weekdays,
    isDayRestricted: parts[2] !== "*",
    isWeekdayRestricted: parts[4] !== "*",
  };
}

function parseField(part: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>();
  for (const item of part.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new Error(`${field.name} "${item}" is not a number, range, list or step`);
    const from = match[1] === "*" ? field.min : Number(match[2]);
    const to = match[1] === "*" ? field.max : match[3] !== undefined ? Number(match[3]) : match[4] ? field.max : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < field.min || to > field.max || from > to || step < 1) {
      throw new Error(`${field.name} "${item}" is outside ${field.min}–${field.max}`);
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

export function matchesCron(schedule: CronSchedule, date: Date): boolean {
  if (!schedule.minutes.has(date.getUTCMinutes()) || !schedule.hours.has(date.getUTCHours())) return false;
  if (!schedule.months.has(date.getUTCMonth() + 1)) return false;
  const day = schedule.days.has(date.getUTCDate());
  const weekday = schedule.weekdays.has(date.getUTCDay());
  if (schedule.isDayRestricted && schedule.isWeekdayRestricted) return day || weekday;
  return day && weekday;
}

/** The first minute strictly after `after` that the schedule matches (within ~4 years), else null. */
export function nextCronTime(schedule: CronSchedule, after: Date): Date | null {
  const time = new Date(after.getTime());
  time.setUTCSeconds(0, 0);
  time.setUTCMinutes(time.getUTCMinutes() + 1);
  for (let i = 0; i < 4 * 366 * 24 * 60; i++) {
    if (matchesCron(schedule, time)) return time;
    // Skip whole hours that cannot match, to keep the search short.
    if (!schedule.hours.has(time.getUTCHours()) || !schedule.months.has(time.getUTCMonth() + 1)) {
      time.setUTCMinutes(60);
    } else {
      time.setUTCMinutes(time.getUTCMinutes() + 1);
    }
  }
  return null;
}
