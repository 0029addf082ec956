import type { Editor } from '@tiptap/react';
import type { PreflightField, PreflightLocation } from '../../../shared/preflight/index.js';
import { bodyRange } from './bodyRange.js';

/** Each field's visible label in the editor, by which the panel finds its control. */
const FIELD_LABELS: Record<Exclude<PreflightField, 'image'>, string> = {
  headline: 'Headline',
  section: 'Section',
  dek: 'Dek',
  byline: 'Byline',
  imageCredit: 'Image credit',
  imageCaption: 'Caption',
  imageAlt: 'Alt text',
};

function fieldControl(root: HTMLElement, field: PreflightField): HTMLElement | null {
  if (field === 'image') return root.querySelector<HTMLElement>('.lead-image button');
  const label = [...root.querySelectorAll('label')].find((element) => element.textContent?.trim().startsWith(FIELD_LABELS[field]) && element.htmlFor);
  const control = label ? root.ownerDocument.getElementById(label.htmlFor) : null;
  return control && root.contains(control) ? control : null;
}

/** Takes the user to what a preflight result is about: focuses the field, or selects the range in the body. */
export function goToPreflightLocation(location: PreflightLocation, editor: Editor | null, root: HTMLElement | null): void {
  if ('field' in location) {
    if (!root) return;
    const control = fieldControl(root, location.field);
    control?.scrollIntoView({ block: 'center' });
    control?.focus();
    return;
  }
  if (!editor || editor.isDestroyed) return;
  const range = bodyRange(editor.state.doc, location.block, location.from, location.to);
  if (!range) return;
  editor.chain().focus().setTextSelection(range).scrollIntoView().run();
}
