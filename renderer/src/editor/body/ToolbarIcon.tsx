import type { JSX } from 'react';
import { createLineIconSet } from '../../ui/createLineIconSet.js';

export type ToolbarIconName = 'link' | 'unlink' | 'quote' | 'bulletList' | 'orderedList' | 'undo' | 'redo';

const DRAWINGS: Record<ToolbarIconName, JSX.Element> = {
  link: (
    <>
      <path d="M10 13.5a4.5 4.5 0 0 0 6.4.4l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.3 1.3" />
      <path d="M14 10.5a4.5 4.5 0 0 0-6.4-.4l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.3-1.3" />
    </>
  ),
  unlink: (
    <>
      <path d="M15.5 12.5l3.9-3.9a4.5 4.5 0 0 0-6.4-6.4l-1.3 1.3" transform="translate(0 1.5)" />
      <path d="M8.5 11.5l-3.9 3.9a4.5 4.5 0 0 0 6.4 6.4l1.3-1.3" transform="translate(0 -1.5)" />
      <path d="M4 4l16 16" />
    </>
  ),
  quote: (
    <>
      <path d="M5 5v14" />
      <path d="M9.5 7H19M9.5 12H19M9.5 17h6" />
    </>
  ),
  bulletList: (
    <>
      <circle cx="5" cy="6.5" r="1.1" fill="currentColor" stroke="none" />
      <circle cx="5" cy="12" r="1.1" fill="currentColor" stroke="none" />
      <circle cx="5" cy="17.5" r="1.1" fill="currentColor" stroke="none" />
      <path d="M9.5 6.5H20M9.5 12H20M9.5 17.5H20" />
    </>
  ),
  orderedList: (
    <>
      <path d="M4 5l1.5-1v5" strokeWidth="1.4" />
      <path d="M3.6 14.2c.3-.8 1-1.2 1.7-1.2.9 0 1.5.6 1.5 1.3 0 1.3-3.2 2.4-3.2 3.9h3.3" strokeWidth="1.4" />
      <path d="M10 6.5H20M10 12H20M10 17.5H20" />
    </>
  ),
  undo: (
    <>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </>
  ),
  redo: (
    <>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </>
  ),
};

/** Line icons for the formatting toolbar, drawn in currentColor. */
export const ToolbarIcon = createLineIconSet('toolbar-icon', 18, DRAWINGS);
