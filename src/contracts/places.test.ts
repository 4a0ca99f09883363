import { describe, expect, it } from 'vitest';
import { cityOf, placeMatches } from './places.js';

describe('places: city, then room', () => {
  it('reads the city of a location', () => {
    expect(cityOf('Amsterdam · Room Turing (4th floor)')).toBe('Amsterdam');
    expect(cityOf('Remote')).toBeNull();
    expect(cityOf(' · Room')).toBeNull();
  });

  it('matches a city to each of its rooms, and a room to itself only', () => {
    expect(placeMatches('Amsterdam · Room Turing', 'Amsterdam')).toBe(true);
    expect(placeMatches('Amsterdam · Room Turing', 'Amsterdam · Room Turing')).toBe(true);
    expect(placeMatches('Amsterdam · Room Hopper', 'Amsterdam · Room Turing')).toBe(false);
    expect(placeMatches('Amsterdam-Noord · Room 1', 'Amsterdam')).toBe(false);
    expect(placeMatches('Amsterdam', 'Amsterdam')).toBe(true);
  });
});
