/**
 * Calls written the way a person writes them against a client generated from /api/openapi.json
 * (not generated, unlike .openapi/client/calls.ts). `npm run check:client` type-checks them; the
 * main type check skips this file because the generated types exist only after that script ran.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../../.openapi/client/schema.js';

const lyceum = createClient<paths>({ baseUrl: 'https://lyceum.example.com', headers: { authorization: 'Bearer <token>' } });

/** Search with the text alone: every filter is optional. */
export async function searchByText(text: string): Promise<string[]> {
  const { data } = await lyceum.GET('/api/v1/search', { params: { query: { q: text } } });
  return data?.items.map((hit) => hit.workshop.title) ?? [];
}

/** null clears a checklist answer, and an unanswered item comes back as null. */
export async function clearAnswer(workshopId: string, itemId: string): Promise<'yes' | 'no' | 'na' | null | undefined> {
  const { data } = await lyceum.PATCH('/api/v1/workshops/{id}/checklist/items/{itemId}', {
    params: { path: { id: workshopId, itemId } },
    body: { answer: null },
  });
  return data?.items.find((item) => item.id === itemId)?.answer;
}

/** A file download: the roster as CSV text. */
export async function downloadRoster(sessionId: string): Promise<string | undefined> {
  const { data } = await lyceum.GET('/api/v1/sessions/{id}/roster.csv', { params: { path: { id: sessionId } }, parseAs: 'text' });
  return data;
}
