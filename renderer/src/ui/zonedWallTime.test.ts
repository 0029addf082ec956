import { describe, expect, it } from 'vitest';
import { instantAt, offsetLabel, zonedTime } from './zonedWallTime.js';

describe('the publish date typed as a wall-clock time in the export time zone', () => {
  it('is stored with that zone’s offset, and shows the same wall time again', () => {
    expect(instantAt('2026-05-20T18:00', 'Asia/Tokyo')).toBe('2026-05-20T18:00:00+09:00');
    expect(instantAt('2026-06-15T12:00', 'Asia/Kolkata')).toBe('2026-06-15T12:00:00+05:30');
    expect(instantAt('2026-07-01T00:00:30', 'UTC')).toBe('2026-07-01T00:00:30+00:00');
    expect(zonedTime('2026-05-20T09:00:00.000Z', 'Asia/Tokyo').slice(0, 16)).toBe('2026-05-20T18:00');
  });

  it('moves a time the clocks skip forward by the gap, and takes the earlier of a time that happens twice', () => {
    expect(instantAt('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
    expect(instantAt('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(instantAt('2026-10-25T01:30', 'Europe/London')).toBe('2026-10-25T01:30:00+01:00');
    expect(instantAt('2026-10-04T02:15', 'Australia/Lord_Howe')).toBe('2026-10-04T02:45:00+11:00');
  });

  it('refuses what a datetime-local input never gives, and reads offsets', () => {
    expect(instantAt('', 'UTC')).toBeNull();
    expect(instantAt('0999-01-01T00:00', 'UTC')).toBeNull();
    expect(instantAt('2026-05-20 18:00', 'UTC')).toBeNull();
    expect(zonedTime('not a date', 'UTC')).toBe('');
    expect(offsetLabel('2026-05-20T18:00:00+09:00')).toBe('+09:00');
    expect(offsetLabel('2026-05-20T09:00:00Z')).toBe('+00:00');
  });
});
