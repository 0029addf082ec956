import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

/** The body's blocks and inline formatting as tags and text, without attributes: "<h2>Subhead</h2>". */
async function bodyMarkup(window: CopydeskWindow): Promise<string> {
  return window.body.evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    for (const element of copy.querySelectorAll('*')) for (const name of element.getAttributeNames()) element.removeAttribute(name);
    return copy.innerHTML.replace(/<br>/g, '');
  });
}

// A block made by a shortcut is followed by the empty paragraph the editor keeps at the end of the body.
// Markdown-style shortcuts a writer types at the start of a paragraph or around a word, as ProseMirror editors offer.
const SHORTCUTS: [typed: string, becomes: string][] = [
  ['## Subhead', '<h2>Subhead</h2><p></p>'],
  ['### Minor subhead', '<h3>Minor subhead</h3><p></p>'],
  ['> Quoted', '<blockquote><p>Quoted</p></blockquote><p></p>'],
  ['- First point', '<ul><li><p>First point</p></li></ul><p></p>'],
  ['* First point', '<ul><li><p>First point</p></li></ul><p></p>'],
  ['1. First step', '<ol><li><p>First step</p></li></ol><p></p>'],
  ['Quake **hits** Noto', '<p>Quake <strong>hits</strong> Noto</p>'],
  ['Quake __hits__ Noto', '<p>Quake <strong>hits</strong> Noto</p>'],
  ['Quake *hits* Noto', '<p>Quake <em>hits</em> Noto</p>'],
  ['Quake _hits_ Noto', '<p>Quake <em>hits</em> Noto</p>'],
  // Letters never complete a shortcut: a hashtag, a list-like word, an address stay text.
  ['#Noto -quake 1.5m *ok', '<p>#Noto -quake 1.5m *ok</p>'],
];

test('markdown-style shortcuts format as they are typed, and plain words stay text', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  for (const [typed, becomes] of SHORTCUTS) {
    await window.newStory();
    await window.body.click();
    await app.page.keyboard.type(typed);
    await expect.poll(() => bodyMarkup(window), { message: typed }).toBe(becomes);
  }
});

test('Backspace right after a shortcut takes it back, and the typed characters stay', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.body.click();
  await app.page.keyboard.type('## ');
  await expect.poll(() => bodyMarkup(window)).toBe('<h2></h2><p></p>');
  await app.page.keyboard.press('Backspace');
  await expect.poll(() => bodyMarkup(window)).toBe('<p>## </p>');

  await app.page.keyboard.type('and **bold**');
  await expect.poll(() => bodyMarkup(window)).toBe('<p>## and <strong>bold</strong></p>');
  await app.page.keyboard.press('Backspace');
  await expect.poll(() => bodyMarkup(window)).toBe('<p>## and **bold**</p>');
});

test('Enter after a block shortcut’s characters makes the block, as typing its space does', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  const results: string[] = [];
  for (const typed of ['##', '>', '-', '1.']) {
    await window.newStory();
    await window.body.click();
    await app.page.keyboard.type(typed);
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.type('x');
    await expect.poll(() => bodyMarkup(window)).toContain('x');
    results.push(await bodyMarkup(window));
  }
  expect(results).toEqual([
    '<h2>x</h2><p></p>',
    '<blockquote><p>x</p></blockquote><p></p>',
    '<ul><li><p>x</p></li></ul><p></p>',
    '<ol><li><p>x</p></li></ol><p></p>',
  ]);
});
