import type { Mark, MarkType, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

// @handlewithcare/prosemirror-suggest-changes draws its decorations (a block wholly inserted or deleted; a ¶ where a
// suggestion joins or splits blocks) by walking the whole document on every transaction, typing included: in a
// 20,000-word story that walk was most of Suggesting mode's cost per key (see `npm run bench:typing`). These are the
// same decorations, worked out once per top-level block and kept while the block is unchanged: ProseMirror documents
// are persistent, so a keystroke leaves every other block the same object.

type Spec =
  | { kind: 'node'; from: number; to: number; attr: 'data-node-deletion' | 'data-node-insertion' }
  | { kind: 'widget'; at: number; mark: 'deletion' | 'insertion'; id: unknown };

interface TextEnd {
  node: ProseMirrorNode;
  parent: ProseMirrorNode;
  /** Where the text node ends, from the start of its top-level block. */
  end: number;
  /** Whether it is part of a suggested insertion or deletion (only then can a ¶ join it to the next block). */
  suggested: boolean;
}

/** One top-level block's share: its decorations (positions from the block's start), and its first and last text. */
interface BlockDecorations {
  specs: Spec[];
  first: TextEnd | null;
  last: TextEnd | null;
}

const perBlock = new WeakMap<ProseMirrorNode, BlockDecorations>();
/**
 * The last document's decorations: ProseMirror asks once per update, and again for the same state at times. One entry
 * is enough, where a WeakMap keyed by every keystroke's document added a table entry per key for GC to clear.
 */
let lastDoc: ProseMirrorNode | null = null;
let lastSet: DecorationSet = DecorationSet.empty;

function suggestionMark(marks: readonly Mark[], type: MarkType): Mark | undefined {
  return marks.find((mark) => mark.type === type);
}

/**
 * The library's rule for one text node that starts a new parent, after `last`: a ¶ widget for each of its deletion
 * and insertion marks when one of them continues the suggestion the last text node was part of.
 */
function joinWidgets(node: ProseMirrorNode, last: ProseMirrorNode | null, at: number, deletion: MarkType, insertion: MarkType): Spec[] {
  const currentDeletion = suggestionMark(node.marks, deletion);
  const currentInsertion = suggestionMark(node.marks, insertion);
  const lastDeletion = last ? suggestionMark(last.marks, deletion) : undefined;
  const lastInsertion = last ? suggestionMark(last.marks, insertion) : undefined;
  if ((!currentDeletion || !lastDeletion) && (!currentInsertion || !lastInsertion)) return [];
  if (currentDeletion?.attrs.id !== lastDeletion?.attrs.id && currentInsertion?.attrs.id !== lastInsertion?.attrs.id) return [];
  const specs: Spec[] = [];
  if (currentDeletion) specs.push({ kind: 'widget', at, mark: 'deletion', id: currentDeletion.attrs.id });
  if (currentInsertion) specs.push({ kind: 'widget', at, mark: 'insertion', id: currentInsertion.attrs.id });
  return specs;
}

const NO_SPECS: Spec[] = [];

/** Whether every child of `node` carries a mark of `type` (the library's test for a wholly suggested block). */
function everyChildMarked(node: ProseMirrorNode, type: MarkType): boolean {
  for (let i = 0; i < node.childCount; i += 1) if (!type.isInSet(node.child(i).marks)) return false;
  return true;
}

/** Pushes the node decorations of a textblock wholly inserted or deleted; nothing for any other node. */
function pushTextblockSpecs(specs: Spec[], node: ProseMirrorNode, from: number, deletion: MarkType, insertion: MarkType): void {
  if (!node.isTextblock || !node.childCount) return;
  if (everyChildMarked(node, deletion)) specs.push({ kind: 'node', from, to: from + node.nodeSize, attr: 'data-node-deletion' });
  if (everyChildMarked(node, insertion)) specs.push({ kind: 'node', from, to: from + node.nodeSize, attr: 'data-node-insertion' });
}

/**
 * A top-level block's share, worked out once per block. The lookup is its own function: a function whose variables a
 * closure captures (the walk below) allocates their context on every call, before it could return a cached result,
 * and this runs for every block of the story on every transaction (8 KiB a key in Chromium, before it was split off).
 */
function decorateBlock(block: ProseMirrorNode, deletion: MarkType, insertion: MarkType): BlockDecorations {
  return perBlock.get(block) ?? walkBlock(block, deletion, insertion);
}

/**
 * The library's walk, over one top-level block, starting as if no text came before it. It runs for the block a
 * keystroke changed, so it allocates little: no arrays for nodes without decorations, one shared empty list.
 */
function walkBlock(block: ProseMirrorNode, deletion: MarkType, insertion: MarkType): BlockDecorations {
  const specs: Spec[] = [];
  pushTextblockSpecs(specs, block, 0, deletion, insertion);
  let first: TextEnd | null = null;
  let last: TextEnd | null = null;
  block.descendants((node, relative, parent) => {
    const pos = relative + 1;
    if (!node.isText) {
      pushTextblockSpecs(specs, node, pos, deletion, insertion);
      return true;
    }
    if (!parent) return true;
    const previous = last;
    last = { node, parent, end: pos + node.nodeSize, suggested: deletion.isInSet(node.marks) !== undefined || insertion.isInSet(node.marks) !== undefined };
    if (!previous) {
      first = last;
      return true;
    }
    if (parent === previous.parent) return true;
    specs.push(...joinWidgets(node, previous.node, previous.end, deletion, insertion));
    return true;
  });
  const result: BlockDecorations = { specs: specs.length ? specs : NO_SPECS, first, last };
  perBlock.set(block, result);
  return result;
}

function pilcrow(): HTMLElement {
  const span = document.createElement('span');
  span.appendChild(document.createTextNode('¶'));
  return span;
}

/** The suggestion decorations of `state`'s document: the library's, block by block, each block worked out once. */
export function suggestionDecorations(state: EditorState): DecorationSet {
  const { doc, schema } = state;
  if (doc === lastDoc) return lastSet;
  const deletion = schema.marks.deletion;
  const insertion = schema.marks.insertion;
  if (!deletion || !insertion) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  const add = (spec: Spec, offset: number) => {
    if (spec.kind === 'node') {
      decorations.push(Decoration.node(offset + spec.from, offset + spec.to, { [spec.attr]: 'true' }));
      return;
    }
    const type = spec.mark === 'deletion' ? deletion : insertion;
    decorations.push(Decoration.widget(offset + spec.at, pilcrow, { key: spec.id as string, marks: [type.create({ id: spec.id })] }));
  };
  // The last text before the block being looked at, and the offset of the block it is in. Indexed loops, not forEach
  // and for…of: this runs over every top-level block on every transaction, and allocates nothing for a block
  // without decorations.
  let carried: TextEnd | null = null;
  let carriedOffset = 0;
  for (let index = 0, offset = 0; index < doc.childCount; index += 1) {
    const block = doc.child(index);
    const share = decorateBlock(block, deletion, insertion);
    // The library's test for a ¶ between two blocks needs a suggestion on both sides: most boundaries skip it.
    if (share.first?.suggested && carried?.suggested && share.first.parent !== carried.parent) {
      for (const spec of joinWidgets(share.first.node, carried.node, carriedOffset + carried.end, deletion, insertion)) add(spec, 0);
    }
    const { specs } = share;
    for (let i = 0; i < specs.length; i += 1) add(specs[i]!, offset);
    if (share.last) {
      carried = share.last;
      carriedOffset = offset;
    }
    offset += block.nodeSize;
  }
  const set = decorations.length ? DecorationSet.create(doc, decorations) : DecorationSet.empty;
  lastDoc = doc;
  lastSet = set;
  return set;
}

/** The library's plugin (same key, state and keys), drawing its decorations with suggestionDecorations. */
export function withBlockCachedDecorations(plugin: Plugin): Plugin {
  return new Plugin({ ...plugin.spec, props: { ...plugin.spec.props, decorations: suggestionDecorations } });
}
