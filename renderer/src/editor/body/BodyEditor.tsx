import { EditorContent, type Editor } from '@tiptap/react';
import { useState, type KeyboardEvent } from 'react';
import { SuggestionsBar } from '../../review/index.js';
import { hasModifier } from '../../ui/shortcut.js';
import { EditorToolbar } from './EditorToolbar.js';
import { LinkPrompt } from './LinkPrompt.js';

interface BodyEditorProps {
  editor: Editor;
  /** The id the editor's aria-labelledby points at (set when the editor was created). */
  labelId: string;
}

interface LinkRequest {
  href: string;
  editing: boolean;
}

/** The story body: the "Body" label, the formatting toolbar, the TipTap document and the link dialog. */
export function BodyEditor({ editor, labelId }: BodyEditorProps) {
  const [linkRequest, setLinkRequest] = useState<LinkRequest | null>(null);

  function openLinkPrompt() {
    const href = editor.getAttributes('link').href as string | undefined;
    setLinkRequest({ href: href ?? '', editing: editor.isActive('link') });
  }

  function applyLink(href: string) {
    setLinkRequest(null);
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href } }] })
        .unsetMark('link')
        .run();
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  }

  function removeLink() {
    setLinkRequest(null);
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
  }

  function cancelLink() {
    setLinkRequest(null);
    editor.commands.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (hasModifier(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      openLinkPrompt();
    }
  }

  return (
    <div className="field field-body">
      {/* A label element cannot point at a contenteditable; the editor names itself with aria-labelledby. */}
      <label id={labelId} className="field-label" onClick={() => editor.commands.focus()}>
        Body
      </label>
      <div className="body-frame" onKeyDown={onKeyDown}>
        <EditorToolbar editor={editor} onLink={openLinkPrompt} />
        <SuggestionsBar editor={editor} />
        <EditorContent editor={editor} className="body-content" />
      </div>
      {linkRequest && (
        <LinkPrompt
          initialHref={linkRequest.href}
          editing={linkRequest.editing}
          onApply={applyLink}
          onRemove={removeLink}
          onCancel={cancelLink}
        />
      )}
    </div>
  );
}
