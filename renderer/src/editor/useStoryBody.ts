import { useEditor } from '@tiptap/react';
import { useMemo, useState } from 'react';
import type { BodyNode } from '../../../shared/story.js';
import { createStoryExtensions } from '../../../shared/storyExtensions.js';
import { Suggesting, suggestingChanged, suggestingToggleOffered } from '../review/index.js';
import { useSettingsStore } from '../settings/index.js';
import { showError } from '../ui/noticeStore.js';
import { CaretScroll } from './body/caretScroll.js';
import { LinkShortcut } from './body/linkShortcut.js';
import { TypedInputRules } from './body/typedInputRules.js';

const bodyExtensions = () => [
  ...createStoryExtensions(),
  TypedInputRules,
  LinkShortcut,
  // The body's toolbar (BodyEditor) is sticky at the top of the story pane.
  CaretScroll.configure({ coveringTop: (view) => view.dom.closest('.body-frame')?.querySelector(':scope > [role="toolbar"]') ?? null }),
  Suggesting.configure({
    author: () => useSettingsStore.getState().userName,
    onModeChange: suggestingChanged,
    onToggleOffered: suggestingToggleOffered,
    onRefused: showError,
  }),
];

/**
 * The body's TipTap editor. It never re-renders React on a transaction (shouldRerenderOnTransaction: false): what
 * React shows of the body reads it through useEditorState selectors, so typing stays fast in long stories.
 */
export function useStoryBody(content: BodyNode, labelId: string, onUpdate: () => void) {
  const [extensions] = useState(bodyExtensions);
  const editorProps = useMemo(
    () => ({
      attributes: {
        'aria-labelledby': labelId,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'story-body',
        spellcheck: 'true',
      },
    }),
    [labelId],
  );
  return useEditor({
    extensions,
    content,
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    // Nothing listens for TipTap's 'delete' events, which cost a walk of each transaction's changed ranges per key.
    enableCoreExtensions: { delete: false },
    // The rules run in TypedInputRules' one plugin, asked only when a key may complete one.
    enableInputRules: false,
    editorProps,
    onUpdate,
  });
}
