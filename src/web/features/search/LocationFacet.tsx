import { Stack } from '@mantine/core';
import type { SearchResponse } from '../../../contracts/index.js';
import { cityOf, PLACE_SEPARATOR } from '../../../contracts/places.js';
import { FacetGroup, type FacetOption } from './FacetGroup';

type Facet = SearchResponse['facets']['locations'];

/**
 * Locations by city (office) first, then room: choosing a city shows its rooms; choosing a room
 * narrows that city to it (the city leaves the filter), and un-choosing its last room gives the
 * whole city back. Locations are written "City · Room"; one without a room is a city on its own.
 */
export function LocationFacet({
  facet,
  selected,
  onChange,
}: {
  facet: Facet;
  selected: string[];
  onChange: (locations: string[]) => void;
}) {
  const count = new Map(facet.map((f) => [f.value, f.count]));
  const cities: FacetOption[] = facet.filter((f) => cityOf(f.value) === null).map((f) => ({ ...f }));
  // A place chosen from a link (or a city without sessions now) stays on screen.
  for (const v of selected) {
    const city = cityOf(v) ?? v;
    if (!cities.some((c) => c.value === city)) cities.push({ value: city, label: city, count: count.get(city) ?? 0 });
  }
  const roomsOf = (city: string): FacetOption[] => {
    const rooms = facet
      .filter((f) => cityOf(f.value) === city)
      .map((f) => ({ ...f, label: f.value.slice(city.length + PLACE_SEPARATOR.length) }));
    for (const v of selected)
      if (cityOf(v) === city && !rooms.some((r) => r.value === v))
        rooms.push({ value: v, label: v.slice(city.length + PLACE_SEPARATOR.length), count: 0 });
    return rooms;
  };
  const chosenCity = (city: string) => selected.includes(city) || selected.some((v) => cityOf(v) === city);
  const open = cities.filter((c) => chosenCity(c.value));

  const toggleCity = (city: string) =>
    onChange(chosenCity(city) ? selected.filter((v) => v !== city && cityOf(v) !== city) : [...selected, city]);
  const toggleRoom = (city: string, room: string) => {
    if (selected.includes(room)) {
      const rest = selected.filter((v) => v !== room);
      onChange(rest.some((v) => cityOf(v) === city) ? rest : [...rest, city]);
    } else onChange([...selected.filter((v) => v !== city), room]);
  };

  return (
    <Stack gap="sm">
      <FacetGroup
        id="facet-location"
        title="Location"
        options={cities}
        selected={cities.filter((c) => chosenCity(c.value)).map((c) => c.value)}
        onToggle={toggleCity}
        visible={6}
      />
      {open.map((c) => {
        const rooms = roomsOf(c.value);
        if (rooms.length < 2 && !selected.some((v) => cityOf(v) === c.value)) return null;
        return (
          <FacetGroup
            key={c.value}
            id={`facet-rooms-${c.value.replace(/\W+/g, '-')}`}
            title={`Rooms in ${c.value}`}
            options={rooms}
            selected={selected.filter((v) => cityOf(v) === c.value)}
            onToggle={(room) => toggleRoom(c.value, room)}
            visible={6}
          />
        );
      })}
    </Stack>
  );
}
