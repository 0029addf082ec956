import { useEffect, useState, type RefObject } from 'react';

export interface Viewport {
  top: number;
  height: number;
}

/**
 * The scroll position and height of a scrolling element, kept up to date, and a way to scroll a row of its list
 * (every row `rowPx` high, as when windowed) into view that updates the position at once, so the row is drawn in the
 * next render.
 */
export function useViewport(
  ref: RefObject<HTMLElement | null>,
  listRef: RefObject<HTMLElement | null>,
  rowPx: number,
): [Viewport, (index: number) => void] {
  const [viewport, setViewport] = useState<Viewport>({ top: 0, height: 800 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setViewport({ top: element.scrollTop, height: element.clientHeight }));
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [ref]);
  const [scrollToRow] = useState(() => (index: number) => {
    const element = ref.current;
    const list = listRef.current;
    if (!element || !list) return;
    const listTop = list.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop;
    const rowTop = listTop + index * rowPx;
    if (rowTop < element.scrollTop) element.scrollTop = rowTop;
    else if (rowTop + rowPx > element.scrollTop + element.clientHeight) element.scrollTop = rowTop + rowPx - element.clientHeight;
    setViewport({ top: element.scrollTop, height: element.clientHeight });
  });
  return [viewport, scrollToRow];
}
