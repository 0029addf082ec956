import { create } from 'zustand';

interface SuggestingState {
  /** Whether Suggesting mode is on in the open story's body editor; the headline, dek and byline follow it. */
  on: boolean;
  /** Turns the open body's Suggesting mode on or off (null when no body editor is mounted). */
  toggle: (() => void) | null;
}

/**
 * Suggesting mode as the rest of the window sees it. The body's Suggesting extension writes it only when the mode
 * changes (never per keystroke), so the fields that follow it render on a toggle and not while the body is typed in.
 */
export const useSuggestingStore = create<SuggestingState>(() => ({ on: false, toggle: null }));

/** Called by the body editor when its Suggesting mode is turned on or off, is created, or is destroyed. */
export function suggestingChanged(on: boolean): void {
  if (useSuggestingStore.getState().on !== on) useSuggestingStore.setState({ on });
}

/** Called by the body editor when it is created (with a way to toggle its Suggesting mode) and destroyed (null). */
export function suggestingToggleOffered(toggle: (() => void) | null): void {
  useSuggestingStore.setState({ toggle });
}
