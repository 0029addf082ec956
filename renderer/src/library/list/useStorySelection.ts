import { useRef, useState } from 'react';
import type { StorySummary } from '../../../../shared/story.js';
import { nextSelection } from './nextSelection.js';

/** What a click on a story does: open it, or (with Shift or Ctrl/⌘, or on its checkbox) change the selection. */
export type PickAction = 'toggle' | 'range' | 'open';

/** What a click on a listed story does: opens it, or changes the selection. Stable, so memoised rows need not re-render. */
export function useStorySelection(
  visible: readonly StorySummary[],
  selected: ReadonlySet<string>,
  onSelectedChange: (selected: Set<string>) => void,
  onOpen: (id: string) => void,
): (id: string, how: PickAction) => void {
  const anchor = useRef<string | null>(null);
  const latest = useRef({ visible, selected, onSelectedChange, onOpen });
  latest.current = { visible, selected, onSelectedChange, onOpen };
  const [onPick] = useState(() => (id: string, how: PickAction) => {
    const { visible: shown, selected: current, onSelectedChange: change, onOpen: open } = latest.current;
    if (how === 'open') {
      open(id);
      return;
    }
    const next = nextSelection(shown, current, anchor.current, id, how === 'range');
    anchor.current = id;
    change(next);
  });
  return onPick;
}
