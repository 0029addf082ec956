import type { z } from 'zod';
import { ExportSettingsSchema, type ExportSettings } from '../../../shared/exportSettings.js';
import { LibrarySettingsSchema, type LibrarySettings } from '../../../shared/librarySettings.js';
import { CopydeskError } from '../../../shared/result.js';
import { canonicalJson } from '../files/canonicalJson.js';
import type { LibraryContext } from '../libraryContext.js';
import type { LibraryIndexData } from '../index/libraryIndex.js';

type SettingsKey = 'librarySettings' | 'settings';

/** Changes the given settings of one kind, keeps the others, and writes settings.json before resolving (unless nothing changed). */
function saveSettingsPatch<K extends SettingsKey>(ctx: LibraryContext, key: K, schema: z.ZodType<LibraryIndexData[K]>, what: string, patch: Partial<LibraryIndexData[K]>): Promise<LibraryIndexData[K]> {
  return ctx.writing(async () => {
    const { data } = ctx;
    const next = schema.safeParse({ ...data[key], ...patch });
    if (!next.success) throw new CopydeskError('invalid-input', next.error.issues[0]!.message);
    if (canonicalJson(next.data) === canonicalJson(data[key])) return data[key];
    const previous = data[key];
    return ctx.indexWriter.storeNow(what, () => (data[key] = next.data), () => (data[key] = previous), () => data[key]);
  });
}

export const saveLibrarySettings = (ctx: LibraryContext, patch: Partial<LibrarySettings>): Promise<LibrarySettings> =>
  saveSettingsPatch(ctx, 'librarySettings', LibrarySettingsSchema, 'The library settings', patch);

export const saveExportSettings = (ctx: LibraryContext, patch: Partial<ExportSettings>): Promise<ExportSettings> =>
  saveSettingsPatch(ctx, 'settings', ExportSettingsSchema, 'The export settings', patch);
