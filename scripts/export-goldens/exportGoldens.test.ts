import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHtmlFiles } from '../../e2e/harness/checkHtmlFiles.js';
import { GOLDEN_DIR, renderGoldensInProcess } from './exportGoldens.js';

/** The committed exports, as bytes: regenerated only by `npm run goldens:regenerate`, never by this test. */
const golden = Object.fromEntries(readdirSync(GOLDEN_DIR).map((name) => [name, readFileSync(path.join(GOLDEN_DIR, name))]));

describe('exports are the same bytes on every machine', () => {
  it('has golden exports for every story and format', () => {
    expect(Object.keys(golden).length).toBe(15);
  });

  // The hostile story too: its links' hrefs are payloads ("<script>…" as a relative URL), exported percent-encoded.
  it('are valid HTML to the W3C checker, in every language and with hostile text', async () => {
    const documents = Object.keys(golden).filter((name) => name.endsWith('.html') && !name.endsWith('.fragment.html'));
    expect(await checkHtmlFiles(documents.map((name) => path.join(GOLDEN_DIR, name)))).toEqual([]);
  });

  it.each([
    ['Tokyo, Japanese locale', { TZ: 'Asia/Tokyo', LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' }],
    ['Los Angeles, Egyptian Arabic locale', { TZ: 'America/Los_Angeles', LANG: 'ar_EG.UTF-8', LC_ALL: 'ar_EG.UTF-8' }],
    ['Kathmandu (a +05:45 offset), Turkish locale', { TZ: 'Asia/Kathmandu', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }],
  ])('a fresh process in %s exports the golden bytes', async (_where, env) => {
    const files = await renderGoldensInProcess(env);
    expect(Object.keys(files).sort()).toStrictEqual(Object.keys(golden).sort());
    for (const [name, content] of Object.entries(files)) {
      expect(Buffer.from(content, 'utf8').equals(golden[name]!), `${name} differs from the golden file (npm run goldens:regenerate, then review the diff)`).toBe(true);
    }
  });
});
