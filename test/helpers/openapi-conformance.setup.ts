import { afterAll, afterEach } from 'vitest';
import { type Mismatch, takeMismatches } from './openapi-conformance.js';

// Loaded before every test file (vitest setupFiles): an answer that contradicts the OpenAPI
// document fails the test that received it (or, for requests made in beforeAll/afterAll hooks,
// the file).
function failOn(found: Mismatch[]): void {
  if (found.length === 0) return;
  const lines = found.map((m) => `  ${m.route} → ${m.status}: ${m.problem}`);
  throw new Error(`Answers that contradict /api/openapi.json:\n${[...new Set(lines)].join('\n')}`);
}

afterEach(() => failOn(takeMismatches()));
afterAll(() => failOn(takeMismatches()));
