import type { ReactNode } from 'react';

/** The frame every line icon shares: a 24-unit grid drawn in currentColor, hidden from assistive technology. */
export function LineIcon({ className, size, children }: { className: string; size: number; children: ReactNode }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}
