import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/**
 * The document positions of a preflight range: `from`/`to` count a top-level block's text as shared/preflight's
 * blockText does (text in order, one for each inline leaf such as a hard break). Null when the block is gone.
 */
export function bodyRange(doc: ProseMirrorNode, block: number, from: number, to: number): { from: number; to: number } | null {
  if (block >= doc.childCount) return null;
  let start = 0;
  for (let i = 0; i < block; i += 1) start += doc.child(i).nodeSize;
  const node = doc.child(block);
  const inside = start + 1;
  let offset = 0;
  let fromPos: number | null = null;
  let toPos: number | null = null;
  const place = (target: number, at: number) => (target >= offset ? at + (target - offset) : null);
  node.descendants((child, pos) => {
    if (fromPos !== null && toPos !== null) return false;
    if (child.isText) {
      const end = offset + child.text!.length;
      if (fromPos === null && from <= end) fromPos = place(from, inside + pos);
      if (toPos === null && to <= end) toPos = place(to, inside + pos);
      offset = end;
    } else if (child.isTextblock && child.content.size === 0 && fromPos === null && from === offset) {
      fromPos = toPos = inside + pos + 1;
    } else if (child.isLeaf) offset += 1;
    return true;
  });
  if (node.isTextblock && fromPos === null) fromPos = toPos = inside;
  if (fromPos === null) return { from: inside, to: inside };
  return { from: fromPos, to: toPos ?? fromPos };
}
