import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS, ExportSettingsPatchSchema, ExportSettingsSchema } from './exportSettings.js';

describe('export settings', () => {
  it('default to English, UTC, the stylesheet on and images copied beside the HTML', () => {
    expect(DEFAULT_EXPORT_SETTINGS).toEqual({ publicationName: '', baseUrl: '', timeZone: 'UTC', language: 'en', stylesheet: true, imageMode: 'copy' });
  });

  it.each(['https://news.example.com/', 'http://localhost:8080/stories', 'https://例え.jp/記事/', ''])('accept the base URL %j', (baseUrl) => {
    expect(ExportSettingsSchema.safeParse({ baseUrl }).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'ftp://news.example.com/', 'news.example.com', 'https://x.example/"><script>', 'https://x.example/?q=1', 'https://x.example/#top', 'https://user:pw@x.example/', 'https://x.example/a b', '//x.example/'])(
    'refuse the base URL %j',
    (baseUrl) => {
      expect(ExportSettingsSchema.safeParse({ baseUrl }).success).toBe(false);
    },
  );

  it('accept IANA time zones and BCP 47 language tags, and refuse others with a reason', () => {
    expect(ExportSettingsSchema.safeParse({ timeZone: 'Asia/Tokyo', language: 'ar-EG' }).success).toBe(true);
    expect(ExportSettingsSchema.safeParse({ timeZone: 'Mars/Olympus' }).error?.issues[0]?.message).toMatch(/time zone/);
    expect(ExportSettingsSchema.safeParse({ language: 'not a language' }).error?.issues[0]?.message).toMatch(/language tag/);
  });

  it('a change names only what changes', () => {
    expect(ExportSettingsPatchSchema.parse({ stylesheet: false })).toEqual({ stylesheet: false });
  });
});
