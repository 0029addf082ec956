import { Mark, mergeAttributes } from '@tiptap/core';

/** Who made a suggestion and when: stored on each suggestion mark beside the library's id. */
const authorship = {
  author: { default: null, parseHTML: (element: { getAttribute(name: string): string | null }) => element.getAttribute('data-author'), renderHTML: (attrs: Record<string, unknown>) => (attrs.author ? { 'data-author': attrs.author } : {}) },
  at: { default: null, parseHTML: (element: { getAttribute(name: string): string | null }) => element.getAttribute('data-at'), renderHTML: (attrs: Record<string, unknown>) => (attrs.at ? { 'data-at': attrs.at } : {}) },
};

const suggestionId = {
  default: null,
  parseHTML: (element: { getAttribute(name: string): string | null }) => {
    const raw = element.getAttribute('data-id');
    try {
      return raw === null ? null : (JSON.parse(raw) as unknown);
    } catch {
      return raw;
    }
  },
  renderHTML: (attrs: Record<string, unknown>) => ({ 'data-id': JSON.stringify(attrs.id) }),
};

/** A suggested insertion (the mark @handlewithcare/prosemirror-suggest-changes names `insertion`). */
export const Insertion = Mark.create({
  name: 'insertion',
  inclusive: false,
  excludes: 'deletion modification insertion',
  addAttributes: () => ({ id: suggestionId, ...authorship }),
  parseHTML: () => [{ tag: 'ins[data-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', mergeAttributes(HTMLAttributes, { class: 'cd-suggestion cd-suggestion--insertion' }), 0],
});

/** A suggested deletion: the text stays, struck through, until the suggestion is accepted. */
export const Deletion = Mark.create({
  name: 'deletion',
  inclusive: false,
  excludes: 'insertion modification deletion',
  addAttributes: () => ({ id: suggestionId, ...authorship }),
  parseHTML: () => [{ tag: 'del[data-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['del', mergeAttributes(HTMLAttributes, { class: 'cd-suggestion cd-suggestion--deletion' }), 0],
});

/** A suggested change of formatting: the previous and new value of a mark or attribute. */
export const Modification = Mark.create({
  name: 'modification',
  inclusive: false,
  excludes: 'deletion insertion',
  addAttributes: () => ({
    id: suggestionId,
    type: { default: 'mark' },
    attrName: { default: null },
    previousValue: { default: null },
    newValue: { default: null },
    ...authorship,
  }),
  parseHTML: () => [{ tag: 'span[data-type="modification"]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { 'data-type': 'modification', class: 'cd-suggestion cd-suggestion--modification' }), 0],
});

/** Where a comment thread is pinned: the thread's id on the text it was made on. Several threads may overlap. */
export const CommentAnchor = Mark.create({
  name: 'comment',
  inclusive: false,
  excludes: '',
  addAttributes: () => ({
    id: { default: null, parseHTML: (element: { getAttribute(name: string): string | null }) => element.getAttribute('data-comment'), renderHTML: (attrs: Record<string, unknown>) => ({ 'data-comment': attrs.id }) },
  }),
  parseHTML: () => [{ tag: 'span[data-comment]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { class: 'cd-comment-anchor' }), 0],
});

/** The review marks, in the order the schema lists them. */
export const REVIEW_MARKS = [Insertion, Deletion, Modification, CommentAnchor];
