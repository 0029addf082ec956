import { useOpenStoryStore } from '../openStoryStore.js';
import { saveStateText } from './StorySaver.js';

/**
 * The open story's save state, announced politely to assistive technology. It reads the store itself, so a change of
 * state re-renders this line only.
 */
export function SaveStatus() {
  const state = useOpenStoryStore((store) => (store.open ? store.saveState : null));
  return (
    <div
      role="status"
      className="save-status"
      data-testid="save-status"
      data-state={state?.kind ?? 'none'}
      title={state ? saveStateText(state) : undefined}
    >
      {state ? saveStateText(state) : ''}
    </div>
  );
}
