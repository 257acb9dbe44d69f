/**
 * Writes the API description (docs/openapi.json) and the web client's types
 * (src/web/api/schema.d.ts) from the zod schemas of the routes. Run after changing an API:
 * `npm run openapi`. A test fails when the committed document is stale.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { generateOpenApiDocument } from '../tests/support/openapi';

const document = await generateOpenApiDocument();
await writeFile('docs/openapi.json', JSON.stringify(document, null, 2) + '\n');
execFileSync('npx', ['openapi-typescript', 'docs/openapi.json', '-o', 'src/web/api/schema.d.ts'], { stdio: 'inherit' });
console.log('wrote docs/openapi.json and src/web/api/schema.d.ts');
