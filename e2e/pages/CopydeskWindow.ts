import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

export interface TextFields {
  section?: string;
  headline?: string;
  dek?: string;
  byline?: string;
  imageCredit?: string;
  imageCaption?: string;
  imageAlt?: string;
}

const LABELS: Record<keyof TextFields, string> = {
  section: 'Section',
  headline: 'Headline',
  dek: 'Dek',
  byline: 'Byline',
  imageCredit: 'Image credit',
  imageCaption: 'Caption',
  imageAlt: 'Alt text',
};

/** The Copydesk window as a user sees it: the library list, the story's fields, the body and its toolbar. */
export class CopydeskWindow {
  readonly saveStatus: Locator;
  readonly body: Locator;
  readonly storyList: Locator;
  readonly toolbar: Locator;
  readonly wordCount: Locator;

  constructor(readonly page: Page) {
    this.saveStatus = page.getByTestId('save-status');
    this.body = page.getByRole('textbox', { name: 'Body' });
    this.storyList = page.getByRole('navigation', { name: 'Stories' });
    this.toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    this.wordCount = page.getByTestId('word-count');
  }

  field(name: keyof TextFields): Locator {
    return this.page.getByLabel(LABELS[name], { exact: true });
  }

  async newStory(): Promise<string> {
    const open = this.page.locator('[data-story-id]');
    const before = (await open.count()) ? await open.getAttribute('data-story-id') : null;
    await this.page.getByRole('button', { name: 'New story' }).first().click();
    const editor = this.page.locator('[data-story-id]');
    await expect(editor).toHaveAttribute('data-story-id', /.+/);
    if (before) await expect(editor).not.toHaveAttribute('data-story-id', before);
    await expect(this.field('headline')).toHaveValue('');
    return (await editor.getAttribute('data-story-id'))!;
  }

  async fill(fields: TextFields): Promise<void> {
    for (const [name, value] of Object.entries(fields) as [keyof TextFields, string][]) {
      await this.field(name).fill(value);
    }
  }

  async values(): Promise<Required<TextFields>> {
    const entries = await Promise.all(
      (Object.keys(LABELS) as (keyof TextFields)[]).map(async (name) => [name, await this.field(name).inputValue()] as const),
    );
    return Object.fromEntries(entries) as Required<TextFields>;
  }

  tool(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** Selects the last `length` characters before the cursor, as a writer does with Shift+Left. */
  async selectBack(length: number): Promise<void> {
    for (let i = 0; i < length; i += 1) await this.page.keyboard.press('Shift+ArrowLeft');
  }

  /** Links the selected text (or inserts the URL as a link) through the toolbar's Link dialog. */
  async addLink(url: string): Promise<void> {
    const linksBefore = await this.body.locator(`a[href="${url}"]`).count();
    await this.tool('Link').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('URL').fill(url);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.body.locator(`a[href="${url}"]`)).toHaveCount(linksBefore + 1);
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved');
  }

  storyButton(headline: string): Locator {
    return this.storyList.getByRole('button', { name: headline, exact: true });
  }

  /** The checkbox that selects a story in the list for "Export selected…". */
  storyCheckbox(headline: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select ${headline}`, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The Publishing panel's fields: Slug, Tags (a token input) and Publish date. */
  publishing(name: 'Slug' | 'Tags' | 'Publish date'): Locator {
    return this.page.getByLabel(name, { exact: true });
  }

  /** Adds tags as a writer types them: each followed by a comma, the last one confirmed with Enter. */
  async addTags(...tags: string[]): Promise<void> {
    const input = this.publishing('Tags');
    await input.click();
    for (const tag of tags) await input.pressSequentially(`${tag},`);
    for (const tag of tags) await expect(this.page.getByRole('button', { name: `Remove tag ${tag}`, exact: true })).toBeVisible();
  }

  /** The preview pane, when open. */
  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview', exact: true });
  }

  /** The exported document inside the preview's sandboxed frame. */
  get previewDocument(): FrameLocator {
    return this.preview.frameLocator('iframe[title="Exported document"]');
  }

  async openSettings(): Promise<Locator> {
    await this.button('Settings').click();
    const dialog = this.page.getByRole('dialog', { name: 'Export settings' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The batch export dialog: progress while it runs, then the summary. */
  get exportDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Export|^Exporting/ });
  }
}
