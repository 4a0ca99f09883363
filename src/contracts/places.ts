/**
 * A session's location is written "City · Room" ("Amsterdam · Room Turing (4th floor)"). The
 * catalog filters by city (office) first, then by room: a chosen city matches every room in it.
 */
export const PLACE_SEPARATOR = ' · ';

/** "Amsterdam" for "Amsterdam · Room Turing"; null for a location with no room part. */
export function cityOf(location: string): string | null {
  const at = location.indexOf(PLACE_SEPARATOR);
  return at > 0 ? location.slice(0, at) : null;
}

/** Whether a session's location is the chosen place: that exact location, or a room in the chosen city. */
export function placeMatches(location: string, chosen: string): boolean {
  return location === chosen || location.startsWith(chosen + PLACE_SEPARATOR);
}
