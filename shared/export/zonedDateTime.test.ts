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
