import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A search box bound to a URL parameter: typing updates the box at once and the URL (and so the
 * query) after a short pause, replacing the history entry so Back leaves the page, not each key.
 */
export function useUrlSearch(param = 'q', delay = 250) {
  const [params, setParams] = useSearchParams();
  const committed = params.get(param) ?? '';
  const [input, setInput] = useState(committed);
  const [debounced] = useDebouncedValue(input, delay);
  // What this box last wrote to the URL: when that comes back, the person may have typed on.
  const written = useRef(committed);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the debounced text changes
  useEffect(() => {
    const value = debounced.trim();
    if (value === committed) return;
    written.current = value;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(param, value);
        else next.delete(param);
        return next;
      },
      { replace: true },
    );
  }, [debounced]);

  // Back/forward or a link changed the URL: show it in the box. Our own write arriving is not such
  // a change: on a busy device it lands after more keystrokes, and putting it back in the box
  // would drop what was typed since.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the URL changes
  useEffect(() => {
    if (committed === written.current) return;
    written.current = committed;
    if (committed !== input.trim()) setInput(committed);
  }, [committed]);

  return { input, setInput, value: committed, params, setParams };
}
