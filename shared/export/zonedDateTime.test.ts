import { describe, expect, it } from 'vitest';
import { displayDate, zonedDateTime } from './zonedDateTime.js';

describe('dates in the export', () => {
  it.each([
    ['2026-05-20T09:00:00.000Z', 'Asia/Tokyo', '2026-05-20T18:00:00+09:00'],
    ['2026-05-20T09:00:00.000Z', 'UTC', '2026-05-20T09:00:00+00:00'],
    ['2026-07-01T12:00:00.000Z', 'America/New_York', '2026-07-01T08:00:00-04:00'],
    ['2026-01-15T12:00:00.000Z', 'America/New_York', '2026-01-15T07:00:00-05:00'],
    ['2026-05-20T09:00:00.000Z', 'Asia/Kolkata', '2026-05-20T14:30:00+05:30'],
    ['2026-05-20T09:00:00.000Z', 'Asia/Kathmandu', '2026-05-20T14:45:00+05:45'],
    ['2026-01-15T12:00:00.000Z', 'America/St_Johns', '2026-01-15T08:30:00-03:30'],
    ['2026-12-31T23:30:59.999Z', 'Pacific/Kiritimati', '2027-01-01T13:30:59+14:00'],
  ])('writes %s in %s as %s', (instant, zone, expected) => {
    expect(zonedDateTime(new Date(instant), zone)).toBe(expected);
  });

  it('shows a reader the local date in the export’s language', () => {
    const lateEvening = new Date('2026-05-20T20:00:00.000Z');
    expect(displayDate(lateEvening, 'en', 'UTC')).toBe('May 20, 2026');
    expect(displayDate(lateEvening, 'en', 'Asia/Tokyo')).toBe('May 21, 2026');
    expect(displayDate(lateEvening, 'ja', 'Asia/Tokyo')).toBe('2026年5月21日');
  });
});

/** The way zonedDateTime worked before it kept offsets by day: every instant formatted into parts. */
function formattedInParts(date: Date, timeZone: string): string {
  const ms = Math.floor(date.getTime() / 1000) * 1000;
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = new Date(0);
  local.setUTCFullYear(parts.year!, parts.month! - 1, parts.day!);
  local.setUTCHours(parts.hour!, parts.minute!, parts.second!, 0);
  const offset = Math.round((local.getTime() - ms) / 60_000);
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
  return `${pad(parts.year!, 4)}-${pad(parts.month!)}-${pad(parts.day!)}T${pad(parts.hour!)}:${pad(parts.minute!)}:${pad(parts.second!)}${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

describe('dates around a change of offset', () => {
  // Daylight saving time starting and ending (in whole hours, half an hour on Lord Howe Island), and a zone that
  // skipped a day (Samoa, 2011).
  const changes: [string, string][] = [
    ['America/New_York', '2026-03-08T07:00:00Z'],
    ['America/New_York', '2026-11-01T06:00:00Z'],
    ['Europe/London', '2026-03-29T01:00:00Z'],
    ['Europe/Berlin', '2026-10-25T01:00:00Z'],
    ['Australia/Sydney', '2026-04-04T16:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
    ['Pacific/Chatham', '2026-04-04T14:00:00Z'],
    ['America/Santiago', '2026-04-05T03:00:00Z'],
    ['Pacific/Apia', '2011-12-30T10:00:00Z'],
    ['Asia/Tokyo', '1970-01-01T00:00:00Z'],
  ];
  it.each(changes)('gives %s the offset of each second around %s', (zone, at) => {
    const change = Date.parse(at);
    for (const delta of [-86_400_000, -3_600_001, -1000, -1, 0, 1, 999, 1000, 1800_000, 3_600_000, 86_400_000]) {
      const date = new Date(change + delta);
      expect(zonedDateTime(date, zone)).toBe(formattedInParts(date, zone));
      expect(displayDate(date, 'en', zone)).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: zone }).format(date));
    }
  });

  it('agrees with formatting each instant, in every zone the runtime knows', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const start = Date.parse('1965-01-01T00:00:00Z');
    const span = Date.parse('2045-01-01T00:00:00Z') - start;
    let seed = 1;
    const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 5000; i += 1) {
      const zone = zones[Math.floor(next() * zones.length)]!;
      const date = new Date(start + Math.floor(next() * span));
      expect(zonedDateTime(date, zone)).toBe(formattedInParts(date, zone));
    }
  });

  it('shows the date Intl shows, in every zone, language and calendar, for instants near midnight and at random', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const languages = ['en', 'ja', 'ar-EG', 'fa', 'th-TH-u-ca-buddhist', 'ja-JP-u-ca-japanese', 'he-u-ca-hebrew'];
    let seed = 7;
    const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 3000; i += 1) {
      const zone = zones[Math.floor(next() * zones.length)]!;
      const language = languages[i % languages.length]!;
      const day = Date.parse('1968-01-01T00:00:00Z') + Math.floor(next() * 30_000) * 86_400_000;
      // Within a few seconds of a local midnight somewhere (every zone's offset is whole minutes), or anywhere in the day.
      const date = new Date(i % 2 ? day + Math.floor(next() * 86_400_000) : day + Math.floor(next() * 96) * 900_000 + Math.floor(next() * 5 - 2) * 1000);
      expect(displayDate(date, language, zone)).toBe(new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: zone }).format(date));
    }
  });
});
