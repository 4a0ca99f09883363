import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeApi } from './describe-api.js';

/** Writes the OpenAPI document that /api/openapi.json serves to the file named on the command line. */
const target = process.argv[2];
if (!target) {
  console.error('usage: write-document.ts <file.json>');
  process.exit(2);
}
const document = await describeApi((app) => app.swagger());
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${target}`);
