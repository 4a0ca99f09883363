import { useSearchParams } from 'react-router';
import { useUrlSearch } from '../../lib/useUrlSearch';
import { type CatalogFilters, type CatalogView, facetKeys, readFilters, readView } from './filters';

/** Results follow the typing after this pause: fast enough to feel live, slow enough to skip keystrokes. */
const TYPING_PAUSE_MS = 150;

/**
 * The catalog's filters, view and calendar date, read from and written to the URL. Filter changes
 * push a history entry (Back undoes a filter); typing replaces it (Back does not replay each key).
 */
export function useCatalogUrl() {
  const search = useUrlSearch('q', TYPING_PAUSE_MS);
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const view = readView(params);
  const date = params.get('date');

  const edit = (change: (p: URLSearchParams) => void, replace = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace },
    );

  const setList = (key: keyof CatalogFilters, values: string[]) =>
    edit((p) => {
      p.delete(key);
      for (const v of values) p.append(key, v);
    });

  const toggle = (key: (typeof facetKeys)[number], value: string) => {
    const current = filters[key] as string[];
    setList(key, current.includes(value) ? current.filter((v) => v !== value) : [...current, value]);
  };

  const setOne = (key: string, value: string | null) =>
    edit((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
    });

  return {
    ...search,
    filters: { ...filters, q: search.value },
    view,
    /** The calendar's anchor day ("YYYY-MM-DD"); null means today. */
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    toggle,
    /** The whole location choice at once (a city, then narrowed to rooms: see LocationFacet). */
    setLocations: (values: string[]) => setList('location', values),
    setDates: (from: string | null, to: string | null) =>
      edit((p) => {
        if (from) p.set('from', from);
        else p.delete('from');
        if (to) p.set('to', to);
        else p.delete('to');
      }),
    setHasSeats: (on: boolean) => setOne('seats', on ? '1' : null),
    setSort: (sort: string | null) => setOne('sort', sort),
    setView: (v: CatalogView) => setOne('view', v === 'list' ? null : v),
    // Paging through the calendar replaces the entry: Back leaves the calendar, not each week.
    setDate: (d: string | null) =>
      edit((p) => {
        if (d) p.set('date', d);
        else p.delete('date');
      }, true),
    /** "+3 more" in a month: that day's week. */
    showWeekOf: (d: string) =>
      edit((p) => {
        p.set('view', 'week');
        p.set('date', d);
      }),
    /** Everything but the words and the view. */
    clearFilters: () =>
      edit((p) => {
        for (const k of [...facetKeys, 'from', 'to', 'seats']) p.delete(k);
      }),
    clearAll: () => {
      search.setInput('');
      edit((p) => {
        for (const k of [...facetKeys, 'from', 'to', 'seats', 'q', 'sort']) p.delete(k);
      });
    },
  };
}
