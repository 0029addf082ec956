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

/** An instant as ISO 8601 local time with the zone's offset at that instant: `2026-05-20T18:00:00+09:00`. Seconds precision. */
export function zonedDateTime(date: Date, timeZone: string): string {
  const ms = Math.floor(date.getTime() / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of partsIn(timeZone).formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = new Date(0);
  local.setUTCFullYear(parts.year!, parts.month! - 1, parts.day!);
  local.setUTCHours(parts.hour!, parts.minute!, parts.second!, 0);
  const offset = Math.round((local.getTime() - ms) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${pad(parts.year!, 4)}-${pad(parts.month!)}-${pad(parts.day!)}T${pad(parts.hour!)}:${pad(parts.minute!)}:${pad(parts.second!)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** The date a reader sees, in the language and time zone of the export ("May 20, 2026", "2026年5月20日"). */
export function displayDate(date: Date, language: string, timeZone: string): string {
  const key = `${language}\u0000${timeZone}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(date);
}
