import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { COMMENT_QUOTE_MAX, COMMENT_TEXT_MAX, type CommentMessage, type CommentThread } from '../../../../shared/story.js';
import { useSettingsStore } from '../../settings/index.js';
import { afterQuiet } from '../../ui/afterQuiet.js';
import { Disclosure } from '../../ui/Disclosure.js';
import { formatFullDateTime, formatRelativeTime } from '../../ui/formatRelativeTime.js';
import { useNow } from '../../ui/useNow.js';
import { commentAnchors } from './commentAnchors.js';
import { REVIEW_ANNOTATION } from '../suggestions/suggestingMode.js';

interface CommentsPanelProps {
  editor: Editor;
  comments: readonly CommentThread[];
  onChange: (comments: CommentThread[]) => void;
}

const REFRESH_MS = 250;
const newId = () => crypto.randomUUID();

/** The anchors of the threads, recomputed a moment after the body changes (never on every keystroke). */
function useAnchors(editor: Editor) {
  const [anchors, setAnchors] = useState(() => commentAnchors(editor.state.doc));
  useEffect(() => {
    const quiet = afterQuiet(() => setAnchors(commentAnchors(editor.state.doc)), REFRESH_MS);
    const refresh = () => quiet.poke();
    editor.on('update', refresh);
    return () => {
      quiet.cancel();
      editor.off('update', refresh);
    };
  }, [editor]);
  return { anchors, refresh: () => setAnchors(commentAnchors(editor.state.doc)) };
}

/**
 * Comments pinned to the body's text: select text, then Comment. Open threads are listed in document order (a thread
 * whose text was deleted is kept, "on deleted text", at the end); clicking a thread's quote selects its text. Replies,
 * editing and deleting one's own messages, Resolve and Reopen. For the team only: never exported.
 */
export function CommentsPanel({ editor, comments, onChange }: CommentsPanelProps) {
  const headingId = useId();
  const draftId = useId();
  const userName = useSettingsStore((store) => store.userName);
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  const [draft, setDraft] = useState<string | null>(null);
  const { anchors, refresh } = useAnchors(editor);
  const now = useNow(30_000);

  const [open, resolved] = useMemo(() => {
    const position = (thread: CommentThread) => anchors.get(thread.id)?.from ?? Number.MAX_SAFE_INTEGER;
    const sorted = [...comments].sort((a, b) => position(a) - position(b));
    return [sorted.filter((thread) => !thread.resolved), sorted.filter((thread) => thread.resolved)];
  }, [anchors, comments]);

  function startComment() {
    if (editor.state.selection.empty) return;
    setDraft('');
  }

  function addComment(event: FormEvent) {
    event.preventDefault();
    const text = draft?.trim();
    const { from, to, empty } = editor.state.selection;
    if (!text || empty) return;
    const id = newId();
    const quote = editor.state.doc.textBetween(from, to, ' ').slice(0, COMMENT_QUOTE_MAX);
    const tr = editor.state.tr.addMark(from, to, editor.schema.marks.comment!.create({ id })).setMeta(REVIEW_ANNOTATION, true);
    editor.view.dispatch(tr);
    const message: CommentMessage = { id: newId(), author: userName, at: new Date().toISOString(), text };
    onChange([...comments, { id, anchor: { quote }, resolved: false, messages: [message] }]);
    setDraft(null);
    refresh();
  }

  const replace = (thread: CommentThread) => onChange(comments.map((t) => (t.id === thread.id ? thread : t)));

  function removeThread(thread: CommentThread) {
    const { tr } = editor.state;
    editor.state.doc.descendants((node, pos) => {
      const mark = node.marks.find((m) => m.type.name === 'comment' && m.attrs.id === thread.id);
      if (mark) tr.removeMark(pos, pos + node.nodeSize, mark);
    });
    if (tr.docChanged) editor.view.dispatch(tr.setMeta(REVIEW_ANNOTATION, true));
    onChange(comments.filter((t) => t.id !== thread.id));
  }

  function select(thread: CommentThread) {
    const anchor = anchors.get(thread.id);
    if (!anchor) return;
    editor.chain().focus().setTextSelection(anchor).scrollIntoView().run();
  }

  return (
    <section className="panel comments-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        Comments
      </h2>
      {draft === null ? (
        <button type="button" className="suggestions-button" disabled={!hasSelection} onMouseDown={(event) => event.preventDefault()} onClick={startComment}>
          Comment
        </button>
      ) : (
        <form className="comment-form" onSubmit={addComment}>
          <label className="field-label" htmlFor={draftId}>
            New comment on the selected text
          </label>
          <textarea id={draftId} className="field-control" rows={2} maxLength={COMMENT_TEXT_MAX} value={draft} autoFocus onChange={(event) => setDraft(event.target.value)} />
          <div className="comment-actions">
            <button type="submit" className="suggestions-button" disabled={!draft.trim()}>
              Add comment
            </button>
            <button type="button" className="suggestions-button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {open.length === 0 && <p className="field-hint">No open comments. Select text in the body, then Comment. Comments are never exported.</p>}
      <ul className="comment-list" aria-label="Open comments">
        {open.map((thread) => (
          <ThreadItem key={thread.id} thread={thread} onDeletedText={!anchors.has(thread.id)} userName={userName} now={now} onSelect={select} onChange={replace} onRemove={removeThread} />
        ))}
      </ul>
      {resolved.length > 0 && (
        <Disclosure className="comment-resolved" summary={`Resolved (${resolved.length})`}>
          <ul className="comment-list" aria-label="Resolved comments">
            {resolved.map((thread) => (
              <ThreadItem key={thread.id} thread={thread} onDeletedText={!anchors.has(thread.id)} userName={userName} now={now} onSelect={select} onChange={replace} onRemove={removeThread} />
            ))}
          </ul>
        </Disclosure>
      )}
    </section>
  );
}

interface ThreadItemProps {
  thread: CommentThread;
  onDeletedText: boolean;
  userName: string;
  now: number;
  onSelect: (thread: CommentThread) => void;
  onChange: (thread: CommentThread) => void;
  onRemove: (thread: CommentThread) => void;
}

function ThreadItem({ thread, onDeletedText, userName, now, onSelect, onChange, onRemove }: ThreadItemProps) {
  const replyId = useId();
  const [reply, setReply] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);

  function addReply(event: FormEvent) {
    event.preventDefault();
    const text = reply.trim();
    if (!text) return;
    onChange({ ...thread, messages: [...thread.messages, { id: newId(), author: userName, at: new Date().toISOString(), text }] });
    setReply('');
  }

  function saveEdit(event: FormEvent) {
    event.preventDefault();
    if (!editing || !editing.text.trim()) return;
    const at = new Date().toISOString();
    onChange({ ...thread, messages: thread.messages.map((m) => (m.id === editing.id ? { ...m, text: editing.text.trim(), editedAt: at } : m)) });
    setEditing(null);
  }

  function deleteMessage(message: CommentMessage) {
    const messages = thread.messages.filter((m) => m.id !== message.id);
    if (messages.length === 0) onRemove(thread);
    else onChange({ ...thread, messages });
  }

  const label = `Comment on “${thread.anchor.quote.slice(0, 40)}”`;
  return (
    <li className={thread.resolved ? 'comment-thread is-resolved' : 'comment-thread'} aria-label={label}>
      {onDeletedText ? (
        <p className="comment-quote is-deleted">On deleted text: “{thread.anchor.quote}”</p>
      ) : (
        <button type="button" className="comment-quote link-button" title="Select this text in the body" onClick={() => onSelect(thread)}>
          “{thread.anchor.quote}”
        </button>
      )}
      <ul className="comment-messages">
        {thread.messages.map((message) => (
          <li key={message.id} className="comment-message">
            {editing?.id === message.id ? (
              <form onSubmit={saveEdit}>
                <label className="field-label" htmlFor={`${replyId}-edit`}>
                  Edit your comment
                </label>
                <textarea id={`${replyId}-edit`} className="field-control" rows={2} maxLength={COMMENT_TEXT_MAX} value={editing.text} autoFocus onChange={(event) => setEditing({ id: message.id, text: event.target.value })} />
                <button type="submit" className="suggestions-button">
                  Save
                </button>
                <button type="button" className="suggestions-button" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <p className="comment-text">{message.text}</p>
            )}
            <p className="comment-meta">
              <span>{message.author || 'Someone'}</span> ·{' '}
              <time dateTime={message.at} title={formatFullDateTime(message.at)}>
                {formatRelativeTime(message.at, now)}
              </time>
              {message.editedAt && ' (edited)'}
              {message.author === userName && editing?.id !== message.id && (
                <>
                  {' '}
                  <button type="button" className="link-button" aria-label={`Edit comment: ${message.text.slice(0, 40)}`} onClick={() => setEditing({ id: message.id, text: message.text })}>
                    Edit
                  </button>{' '}
                  <button type="button" className="link-button" aria-label={`Delete comment: ${message.text.slice(0, 40)}`} onClick={() => deleteMessage(message)}>
                    Delete
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      {!thread.resolved && (
        <form className="comment-form" onSubmit={addReply}>
          <label className="field-label" htmlFor={replyId}>
            Reply
          </label>
          <textarea id={replyId} className="field-control" rows={1} maxLength={COMMENT_TEXT_MAX} value={reply} onChange={(event) => setReply(event.target.value)} />
          <button type="submit" className="suggestions-button" disabled={!reply.trim()}>
            Send reply
          </button>
        </form>
      )}
      <button type="button" className="suggestions-button" onClick={() => onChange({ ...thread, resolved: !thread.resolved })}>
        {thread.resolved ? 'Reopen' : 'Resolve'}
      </button>
    </li>
  );
}
