import { zonedDateTime } from '../../../shared/export/zonedDateTime.js';

const DAY_MS = 86_400_000;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** An instant as the time zone shows it, "2026-05-20T18:00:00+09:00" ('' for a date that does not parse); its first 16 characters are a datetime-local value. */
export function zonedTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : zonedDateTime(date, timeZone);
}

/**
 * The instant at a wall-clock time in a time zone, as ISO 8601 with the zone's offset; null for a malformed time.
 * Like Temporal's "compatible": a time the clocks skip (spring forward) moves forward by the gap, and a time that
 * happens twice (fall back) is the earlier one.
 */
export function instantAt(wallTime: string, timeZone: string): string | null {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  if (year! < 1000) return null;
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second);
  const wall = `${wallTime.slice(0, 16)}:${String(second).padStart(2, '0')}`;
  const before = offsetMinutes(asUtc - DAY_MS, timeZone);
  const after = offsetMinutes(asUtc + DAY_MS, timeZone);
  const [instant = asUtc - before * 60_000] = [before, after]
    .map((offset) => asUtc - offset * 60_000)
    .filter((candidate) => zonedDateTime(new Date(candidate), timeZone).startsWith(wall))
    .sort((a, b) => a - b);
  return zonedDateTime(new Date(instant), timeZone);
}

/** The zone's offset from UTC at an instant, as written in ISO 8601: "+09:00". */
export function offsetLabel(iso: string): string {
  return /([+-]\d{2}:\d{2}|Z)$/.exec(iso)?.[1]?.replace('Z', '+00:00') ?? '';
}

function offsetMinutes(instant: number, timeZone: string): number {
  const offset = offsetLabel(zonedDateTime(new Date(instant), timeZone));
  const [hours, minutes] = offset.slice(1).split(':').map(Number) as [number, number];
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
