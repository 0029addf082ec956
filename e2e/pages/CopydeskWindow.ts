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

  /** A story's button in the list, found by its headline (its accessible name is all it shows, headline first). */
  storyButton(headline: string): Locator {
    return storyButtonIn(this.storyList, headline);
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
  /** The bar under the body's toolbar: Suggesting mode, the suggestion at the cursor, Accept/Reject all. */
  get suggestedEdits(): Locator {
    return this.page.getByRole('group', { name: 'Suggested edits', exact: true });
  }

  /** The card on the suggestion the cursor is in, beside its text in the body: what, who, when, Accept and Reject. */
  get suggestionPopover(): Locator {
    return this.page.getByRole('group', { name: 'Suggestion', exact: true });
  }

  /** The Comments panel beside the body. */
  get comments(): Locator {
    return this.page.getByRole('region', { name: 'Comments', exact: true });
  }

  /** Pins a comment to the text selected in the body, from the Comments panel. */
  async addComment(text: string): Promise<void> {
    await this.comments.getByRole('button', { name: 'Comment', exact: true }).click();
    await this.comments.getByLabel('New comment on the selected text').fill(text);
    await this.comments.getByRole('button', { name: 'Add comment' }).click();
  }

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

  /** The open library's name in the top bar: a menu button ("Library: Newsroom"). */
  get libraryButton(): Locator {
    return this.page.getByRole('button', { name: /^Library: / });
  }

  /** The top bar names this library as the one open. */
  async expectLibraryOpen(name: string): Promise<void> {
    await expect(this.libraryButton).toHaveAccessibleName(`Library: ${name}`);
  }

  /** The library menu (recent libraries, Open Library…, Sections…), opened from the top bar. */
  get libraryMenu(): Locator {
    return this.page.getByRole('menu', { name: 'Library', exact: true });
  }

  async openLibraryMenu(): Promise<Locator> {
    await this.libraryButton.click();
    await expect(this.libraryMenu).toBeVisible();
    await expect(this.libraryMenu.getByText('Loading…')).toHaveCount(0);
    return this.libraryMenu;
  }

  /** A library in the library menu's recent list. */
  recentLibrary(name: string): Locator {
    return this.libraryMenu.getByRole('group', { name: 'Recent libraries' }).getByRole('menuitem', { name, exact: true });
  }

  /** Switches to a recent library from the in-window library menu. */
  async openRecentLibrary(name: string): Promise<void> {
    await this.openLibraryMenu();
    await this.recentLibrary(name).click();
  }

  /** The Sections dialog: the library's managed list. */
  get sectionsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Sections', exact: true });
  }

  /** Opens the Sections dialog the way an editor finds it: Settings, then Manage sections…. */
  async openSections(): Promise<Locator> {
    const settings = await this.openSettings();
    await settings.getByRole('button', { name: 'Manage sections…' }).click();
    await expect(this.sectionsDialog).toBeVisible();
    return this.sectionsDialog;
  }

  /** The names in the Sections dialog, in their order. */
  sectionNames(): Locator {
    return this.sectionsDialog.getByRole('list', { name: 'Sections, in order' }).locator('.sections-name');
  }

  /** Types a name into the Sections dialog's New section field and adds it (the caller checks the outcome). */
  async addSection(name: string): Promise<void> {
    await this.sectionsDialog.getByLabel('New section', { exact: true }).fill(name);
    await this.sectionsDialog.getByRole('button', { name: 'Add section', exact: true }).click();
  }

  /** Renames a section in the Sections dialog (the caller checks the outcome). */
  async renameSection(from: string, to: string): Promise<void> {
    await this.sectionsDialog.getByRole('button', { name: `Rename ${from}`, exact: true }).click();
    const input = this.sectionsDialog.getByLabel(`New name for ${from}`, { exact: true });
    await input.fill(to);
    await this.sectionsDialog.getByRole('button', { name: 'Save name', exact: true }).click();
  }

  sectionButton(action: 'Move up' | 'Move down' | 'Rename' | 'Remove', name: string): Locator {
    const label = action === 'Move up' ? `Move ${name} up` : action === 'Move down' ? `Move ${name} down` : `${action} ${name}`;
    return this.sectionsDialog.getByRole('button', { name: label, exact: true });
  }

  /** What the open story's Section field suggests, in order. */
  async sectionSuggestions(): Promise<string[]> {
    const listId = await this.field('section').getAttribute('list');
    return this.page.locator(`datalist[id="${listId}"] option`).evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  }

  /** The sections the story list's "In section" filter offers, in order (without All and No section). */
  async sectionFilterOptions(): Promise<string[]> {
    const labels = await this.listFilter('In section').locator('option').evaluateAll((options) =>
      options.map((option) => [(option as HTMLOptionElement).value, option.textContent ?? ''] as const),
    );
    return labels.filter(([value, label]) => value !== '' && label !== 'All').map(([, label]) => label);
  }
}

/** The story-list button showing exactly this headline, inside `scope`. */
export function storyButtonIn(scope: Locator | Page, headline: string): Locator {
  const exactly = new RegExp(`^${headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  // A `has` locator is matched inside each button, so it starts from the page, not from `scope`.
  const page = 'mainFrame' in scope ? scope : scope.page();
  return scope.getByRole('button').filter({ has: page.locator('.story-item-headline').filter({ hasText: exactly }) });
}
