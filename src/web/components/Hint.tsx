import { cloneElement, lazy, type ReactElement, Suspense, useState } from 'react';

const Tooltip = lazy(() => import('./HintTooltip').then((m) => ({ default: m.Tooltip })));

/**
 * Mantine's Tooltip, loaded when the pointer first comes over its element: a tooltip (and the
 * floating-ui positioning under it) is nothing a page needs to draw. Like Mantine's, it shows on
 * hover only; what it says must also be the element's name or visible nearby.
 */
export function Hint({ label, children }: { label: string; children: ReactElement<{ onPointerEnter?: () => void }> }) {
  const [wanted, setWanted] = useState(false);
  if (!wanted) return cloneElement(children, { onPointerEnter: () => setWanted(true) });
  return (
    <Suspense fallback={children}>
      <Tooltip label={label} defaultOpened>
        {children}
      </Tooltip>
    </Suspense>
  );
}
