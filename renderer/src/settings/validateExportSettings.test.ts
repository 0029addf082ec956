import { describe, expect, it } from 'vitest';
import { validateExportSettings } from './validateExportSettings.js';

describe('validateExportSettings', () => {
  it('finds nothing wrong with good settings', () => {
    expect(validateExportSettings({ baseUrl: 'https://news.example.com/stories/', timeZone: 'Asia/Tokyo', language: 'ja' })).toEqual({});
  });

  it('names each bad setting with the reason the user reads', () => {
    const errors = validateExportSettings({ baseUrl: 'news.example.com', timeZone: 'Mars/Olympus', language: 'ja' });
    expect(Object.keys(errors).sort()).toEqual(['baseUrl', 'timeZone']);
    expect(errors.baseUrl).toMatch(/http:\/\/ or https:\/\//);
    expect(errors.timeZone).toMatch(/Not a time zone/);
  });

  it('keeps the first problem of a setting that has several', () => {
    const errors = validateExportSettings({ baseUrl: `ftp://${'x'.repeat(600)}` });
    expect(errors.baseUrl).toBe('The base URL is longer than 500 characters.');
  });
});
