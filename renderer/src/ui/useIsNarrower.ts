import { useLayoutEffect, useState, type RefObject } from 'react';

/** Whether an element is narrower than `width` pixels; follows it as the window or the panes beside it change. */
export function useIsNarrower(ref: RefObject<HTMLElement | null>, width: number): boolean {
  const [narrower, setNarrower] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setNarrower(element.getBoundingClientRect().width < width);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, width]);
  return narrower;
}
