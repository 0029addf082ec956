/**
 * The selection after a story is ticked: a range ticks (or, if the story was ticked, unticks) every story shown from
 * the anchor (the last one picked) to it; otherwise, or without an anchor among those shown, the story alone toggles.
 */
export function nextSelection(
  shown: readonly { id: string }[],
  selected: ReadonlySet<string>,
  anchor: string | null,
  id: string,
  range: boolean,
): Set<string> {
  const next = new Set(selected);
  const from = anchor ? shown.findIndex((story) => story.id === anchor) : -1;
  const to = shown.findIndex((story) => story.id === id);
  if (range && from !== -1 && to !== -1) {
    const select = !selected.has(id);
    for (const story of shown.slice(Math.min(from, to), Math.max(from, to) + 1)) {
      if (select) next.add(story.id);
      else next.delete(story.id);
    }
  } else if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
