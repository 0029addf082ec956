const partFormatters = new Map<string, Intl.DateTimeFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Local time minus UTC, in milliseconds. */
  offset: number;
}

/** The local time at a whole second `ms`, from the time zone rules of the runtime. */
function localTime(ms: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of partsIn(timeZone).formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = new Date(0);
  local.setUTCFullYear(parts.year!, parts.month! - 1, parts.day!);
  local.setUTCHours(parts.hour!, parts.minute!, parts.second!, 0);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second!, offset: local.getTime() - ms };
}

const DAY_MS = 86_400_000;
/** Since 1970 and before 10000 the runtime's calendar and a Date's UTC fields agree on every local time. */
const FIRST_DAY = 0;
const LAST_DAY = Math.floor(Date.UTC(9999, 11, 30) / DAY_MS);
const DAYS_KEPT = 4096;
/** By time zone, then UTC day: the zone's offset all that day, or null when it changes during the day. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/**
 * The zone's offset at `ms` when it is the same from the start to the end of that UTC day (so, all day: offsets change
 * at most once or twice a year), else null. Formatting parts is most of what a date costs; this does it twice per day.
 */
function offsetOfDay(ms: number, timeZone: string): number | null {
  const day = Math.floor(ms / DAY_MS);
  if (day < FIRST_DAY || day > LAST_DAY) return null;
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  let offset = days.get(day);
  if (offset === undefined) {
    const start = localTime(day * DAY_MS, timeZone).offset;
    offset = start === localTime((day + 1) * DAY_MS - 1000, timeZone).offset ? start : null;
    if (days.size >= DAYS_KEPT) days.clear();
    days.set(day, offset);
  }
  return offset;
}

/** An instant as ISO 8601 local time with the zone's offset at that instant: `2026-05-20T18:00:00+09:00`. Seconds precision. */
export function zonedDateTime(date: Date, timeZone: string): string {
  const ms = Math.floor(date.getTime() / 1000) * 1000;
  const dayOffset = offsetOfDay(ms, timeZone);
  let local: LocalTime;
  if (dayOffset === null) local = localTime(ms, timeZone);
  else {
    const shifted = new Date(ms + dayOffset);
    local = {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(),
      minute: shifted.getUTCMinutes(),
      second: shifted.getUTCSeconds(),
      offset: dayOffset,
    };
  }
  const offset = Math.round(local.offset / 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** By language and time zone, then local day: the date a reader sees, formatted once per day (most stories share a few). */
const displayDates = new Map<string, Map<number, string>>();

/** The date a reader sees, in the language and time zone of the export ("May 20, 2026", "2026年5月20日"). */
export function displayDate(date: Date, language: string, timeZone: string): string {
  const key = `${language}\u0000${timeZone}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone });
    dateFormatters.set(key, formatter);
  }
  const ms = date.getTime();
  const offset = Number.isFinite(ms) ? offsetOfDay(ms, timeZone) : null;
  if (offset === null) return formatter.format(date);
  // The offset holds all that UTC day, so the local day, and with it the date shown, follows from it.
  const localDay = Math.floor((ms + offset) / DAY_MS);
  let days = displayDates.get(key);
  if (!days) displayDates.set(key, (days = new Map()));
  let shown = days.get(localDay);
  if (shown === undefined) {
    shown = formatter.format(date);
    if (days.size >= DAYS_KEPT) days.clear();
    days.set(localDay, shown);
  }
  return shown;
}
