import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonRef } from '../../../contracts/index.js';
import { peopleApi } from '../../../contracts/index.js';
import { call } from '../../api/client';
import { peopleKeys, usePeople } from '../people/hooks';

type Option = { value: string; label: string };

/** People matching what is typed (the directory's search), as options "Name · team". */
function usePeopleOptions(search: string): { options: Option[]; loading: boolean } {
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const people = usePeople(debounced, 10);
  const options = (people.data?.pages.flatMap((p) => p.items) ?? []).map((p) => ({
    value: p.id,
    label: p.team ? `${p.name} · ${p.team}` : p.name,
  }));
  return { options, loading: people.isFetching };
}

/** One person, found by typing their name (the manager whose organisation the dashboard shows). */
export function PersonSelect({
  label,
  description,
  value,
  onChange,
}: {
  label: string;
  description?: string;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  // The chosen manager's name, when the page opens from a shared link that holds only the id.
  const chosen = useQuery({
    queryKey: peopleKeys.one(value ?? ''),
    queryFn: ({ signal }) => call(peopleApi.get, { params: { id: value ?? '' } }, { signal }),
    enabled: Boolean(value),
  });
  const found = usePeopleOptions(search);
  const current = value && chosen.data ? [{ value, label: chosen.data.name }] : [];
  const data = [...current, ...found.options.filter((o) => o.value !== value)];
  return (
    <Select
      label={label}
      description={description}
      placeholder="Anyone: type a name"
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched: show what it found as it is.
      filter={({ options }) => options}
      nothingFoundMessage={found.loading ? 'Searching…' : 'Nobody matches'}
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Several people, found by typing (who the dashboard is shared with). */
export function PeopleMultiSelect({
  label,
  description,
  value,
  onChange,
}: {
  label: string;
  description?: string;
  value: PersonRef[];
  onChange: (people: PersonRef[]) => void;
}) {
  const [search, setSearch] = useState('');
  const found = usePeopleOptions(search);
  const chosen = value.map((p) => ({ value: p.id, label: p.name }));
  const data = [...chosen, ...found.options.filter((o) => !value.some((p) => p.id === o.value))];
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : 'Type a name'}
      searchable
      data={data}
      value={value.map((p) => p.id)}
      onChange={(ids) =>
        onChange(
          ids.map((id) => {
            const known = value.find((p) => p.id === id);
            if (known) return known;
            const option = data.find((o) => o.value === id);
            return { id, name: option?.label.split(' · ')[0] ?? id, title: null };
          }),
        )
      }
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.loading ? 'Searching…' : 'Nobody matches'}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
