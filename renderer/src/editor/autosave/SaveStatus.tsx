import { saveStateText, type SaveState } from './StorySaver.js';

/** The open story's save state, announced politely to assistive technology. */
export function SaveStatus({ state }: { state: SaveState | null }) {
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
