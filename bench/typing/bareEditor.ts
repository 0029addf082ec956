// The baseline page: ProseMirror alone (no React, no TipTap editor), with the schema TipTap builds from the story's
// extensions, the same document and the app's stylesheet around it. Bundled for the browser by typingBench.ts.
import { getSchema } from '@tiptap/core';
import { baseKeymap } from '@tiptap/pm/commands';
import { history, redo, undo } from '@tiptap/pm/history';
import { keymap } from '@tiptap/pm/keymap';
import { Node } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { EditorView } from '@tiptap/pm/view';
import { createStoryExtensions } from '../../shared/storyExtensions.js';

const schema = getSchema(createStoryExtensions());
const mount = document.querySelector('#editor')!;
let view: EditorView | null = null;

function open(json: unknown): void {
  view?.destroy();
  const doc = Node.fromJSON(schema, json);
  view = new EditorView(mount, {
    state: EditorState.create({ doc, plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-Shift-z': redo }), keymap(baseKeymap)] }),
    attributes: { class: 'story-body', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' },
  });
}

Object.assign(window, { __bareOpen: open });
