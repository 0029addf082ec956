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
    const dialog = this.page.getByRole('dialog', { name: 'Settings', exact: true });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Sets "Your name" in Settings: the name recorded with status changes and notes. */
  async setUserName(name: string): Promise<void> {
    const dialog = await this.openSettings();
    await dialog.getByLabel('Your name', { exact: true }).fill(name);
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The open story's workflow status. */
  get status(): Locator {
    return this.page.getByLabel('Status', { exact: true });
  }

  /** Who set the status, and when: "Ready · just now by Jane". */
  get statusRecord(): Locator {
    return this.page.getByTestId('status-record');
  }

  /** The editor's notes panel. */
  get notes(): Locator {
    return this.page.getByRole('region', { name: 'Editor’s notes' });
  }

  async addNote(text: string): Promise<void> {
    await this.notes.getByLabel('New note', { exact: true }).fill(text);
    await this.notes.getByRole('button', { name: 'Add note' }).click();
    await expect(this.notes.getByRole('listitem').filter({ hasText: text })).toBeVisible();
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search stories' });
  }

  /** The story list's filters: "In section", "With status" and "Sort by". */
  listFilter(name: 'In section' | 'With status' | 'Sort by'): Locator {
    return this.page.getByLabel(name, { exact: true });
  }

  /** The headlines in the story list, top to bottom. */
  listedHeadlines(): Locator {
    return this.storyList.locator('.story-item-headline');
  }

  /** Opens the open story's History dialog. */
  async openHistory(): Promise<Locator> {
    await this.button('History').click();
    const dialog = this.page.getByRole('dialog', { name: 'History', exact: true });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The sidebar's switch between the story list and the Trash. */
  get trashToggle(): Locator {
    return this.page.getByRole('button', { name: 'Trash', exact: true });
  }

  /** The Trash view's list of trashed stories. */
  get trash(): Locator {
    return this.page.getByRole('region', { name: 'Trash', exact: true });
  }

  /** The notice under the top bar that reports a result (and may offer Undo). */
  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** The batch export dialog: progress while it runs, then the summary. */
  get exportDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Export|^Exporting/ });
  }
}
