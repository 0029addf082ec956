import { EditorContent, type Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { SuggestionsBar } from '../../review/index.js';
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

/** What the Link dialog opens with: the link at the selection, to edit, or an empty one to add. */
function linkRequestAtSelection(editor: Editor): LinkRequest {
  const href = editor.getAttributes('link').href as string | undefined;
  return { href: href ?? '', editing: editor.isActive('link') };
}

/** The story body: the "Body" label, the formatting toolbar, the TipTap document and the link dialog. */
export function BodyEditor({ editor, labelId }: BodyEditorProps) {
  const [linkRequest, setLinkRequest] = useState<LinkRequest | null>(null);

  function openLinkPrompt() {
    setLinkRequest(linkRequestAtSelection(editor));
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

  // Ctrl/Cmd+K in the body (the LinkShortcut extension) opens the same dialog.
  useEffect(() => {
    const storage = editor.storage.linkShortcut;
    storage.open = () => setLinkRequest(linkRequestAtSelection(editor));
    return () => {
      storage.open = null;
    };
  }, [editor]);

  return (
    <div className="field field-body">
      {/* A label element cannot point at a contenteditable; the editor names itself with aria-labelledby. */}
      <label id={labelId} className="field-label" onClick={() => editor.commands.focus()}>
        Body
      </label>
      <div className="body-frame">
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
