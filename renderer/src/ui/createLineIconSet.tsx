import type { JSX } from 'react';
import { LineIcon } from './LineIcon.js';

/** An icon component that draws one of `drawings`, by name, in the LineIcon frame with the set's class and size. */
export function createLineIconSet<Name extends string>(className: string, size: number, drawings: Record<Name, JSX.Element>) {
  return function NamedLineIcon({ name }: { name: Name }) {
    return (
      <LineIcon className={className} size={size}>
        {drawings[name]}
      </LineIcon>
    );
  };
}
