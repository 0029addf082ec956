import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { shortcut } from '../../ui/shortcut.js';
import { ToolbarIcon } from './ToolbarIcon.js';
import { toolbarState } from './toolbarState.js';
import { WordCount } from './WordCount.js';

interface EditorToolbarProps {
  editor: Editor;
  onLink: () => void;
}

/** Formatting buttons for the body; one tab stop, arrow keys move between buttons (ARIA toolbar pattern). */
export function EditorToolbar({ editor, onLink }: EditorToolbarProps) {
  // One pass over the caret's ancestors and marks per transaction (see toolbarState), not nine isActive walks.
  const active = useEditorState({ editor, selector: ({ editor: e }) => toolbarState(e.state) });
  const toolbarRef = useRef<HTMLDivElement>(null);
  const lastFocused = useRef(0);

  useLayoutEffect(() => {
    const buttons = toolbarButtons(toolbarRef.current);
    const current = buttons[lastFocused.current] && !buttons[lastFocused.current]!.disabled ? lastFocused.current : 0;
    buttons.forEach((button, index) => (button.tabIndex = index === current ? 0 : -1));
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const buttons = toolbarButtons(toolbarRef.current);
    const enabled = buttons.filter((button) => !button.disabled);
    const at = enabled.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1) return;
    event.preventDefault();
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? enabled.length - 1
          : (at + (event.key === 'ArrowRight' ? 1 : -1) + enabled.length) % enabled.length;
    enabled[next]?.focus();
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    if (!(event.target instanceof HTMLButtonElement)) return;
    const buttons = toolbarButtons(toolbarRef.current);
    const index = buttons.indexOf(event.target);
    if (index === -1) return;
    lastFocused.current = index;
    buttons.forEach((button, i) => (button.tabIndex = i === index ? 0 : -1));
  }

  const chain = () => editor.chain().focus();

  return (
    <div
      ref={toolbarRef}
      className="toolbar"
      role="toolbar"
      aria-label="Formatting"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div className="toolbar-group">
        <ToolbarButton label="Paragraph" keys="Mod-Alt-0" pressed={active.paragraph} onClick={() => chain().setParagraph().run()}>
          <span className="toolbar-glyph">¶</span>
        </ToolbarButton>
        <ToolbarButton label="H2 subhead" keys="Mod-Alt-2" pressed={active.subhead} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
          <span className="toolbar-glyph">H2</span>
        </ToolbarButton>
        <ToolbarButton
          label="H3 minor subhead"
          keys="Mod-Alt-3"
          pressed={active.minorSubhead}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        >
          <span className="toolbar-glyph">H3</span>
        </ToolbarButton>
      </div>
      <div className="toolbar-group">
        <ToolbarButton label="Bold" keys="Mod-b" pressed={active.bold} onClick={() => chain().toggleBold().run()}>
          <span className="toolbar-glyph toolbar-glyph-bold">B</span>
        </ToolbarButton>
        <ToolbarButton label="Italic" keys="Mod-i" pressed={active.italic} onClick={() => chain().toggleItalic().run()}>
          <span className="toolbar-glyph toolbar-glyph-italic">I</span>
        </ToolbarButton>
        <ToolbarButton label="Link" keys="Mod-k" highlighted={active.link} onClick={onLink}>
          <ToolbarIcon name="link" />
        </ToolbarButton>
        <ToolbarButton
          label="Remove link"
          disabled={!active.link}
          onClick={() => chain().extendMarkRange('link').unsetLink().run()}
        >
          <ToolbarIcon name="unlink" />
        </ToolbarButton>
      </div>
      <div className="toolbar-group">
        <ToolbarButton label="Quote" keys="Mod-Shift-b" pressed={active.quote} onClick={() => chain().toggleBlockquote().run()}>
          <ToolbarIcon name="quote" />
        </ToolbarButton>
        <ToolbarButton
          label="Bulleted list"
          keys="Mod-Shift-8"
          pressed={active.bulletList}
          onClick={() => chain().toggleBulletList().run()}
        >
          <ToolbarIcon name="bulletList" />
        </ToolbarButton>
        <ToolbarButton
          label="Numbered list"
          keys="Mod-Shift-7"
          pressed={active.orderedList}
          onClick={() => chain().toggleOrderedList().run()}
        >
          <ToolbarIcon name="orderedList" />
        </ToolbarButton>
      </div>
      <div className="toolbar-group">
        <ToolbarButton label="Undo" keys="Mod-z" disabled={!active.canUndo} onClick={() => chain().undo().run()}>
          <ToolbarIcon name="undo" />
        </ToolbarButton>
        <ToolbarButton label="Redo" keys="Mod-Shift-z" disabled={!active.canRedo} onClick={() => chain().redo().run()}>
          <ToolbarIcon name="redo" />
        </ToolbarButton>
      </div>
      <WordCount editor={editor} />
    </div>
  );
}

interface ToolbarButtonProps {
  label: string;
  keys?: string;
  /** A toggle's state, exposed as aria-pressed. */
  pressed?: boolean;
  /** Shown as active without being a toggle (the Link button inside a link). */
  highlighted?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

function ToolbarButton({ label, keys, pressed, highlighted, disabled, onClick, children }: ToolbarButtonProps) {
  const keyInfo = keys ? shortcut(keys) : null;
  return (
    <button
      type="button"
      className={highlighted ? 'toolbar-button is-highlighted' : 'toolbar-button'}
      aria-label={label}
      title={keyInfo ? `${label} (${keyInfo.label})` : label}
      aria-keyshortcuts={keyInfo?.aria}
      aria-pressed={pressed}
      disabled={disabled}
      tabIndex={-1}
      // Keep the selection in the body: the button acts without taking focus from the editor.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function toolbarButtons(toolbar: HTMLElement | null): HTMLButtonElement[] {
  return toolbar ? [...toolbar.querySelectorAll<HTMLButtonElement>('button.toolbar-button')] : [];
}
