import { createTestApp, TestApp } from '@pilotlink/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The portal's API types, generated from the OpenAPI document by openapi-typescript. */
const TYPES_FILE = resolve(__dirname, '../apps/web/src/openapi.d.ts');
const CLI = resolve(__dirname, '../node_modules/openapi-typescript/bin/cli.js');
const HEADER = '/* Generated from /api/docs-json by openapi-typescript (`npm run gen:api-types`). Do not edit. */\n';

/**
 * The portal is typed against the API's OpenAPI document: every request and response type it uses is a
 * schema of `openapi.d.ts` (`Schema<'…Dto'>` / `RequestBody<'…Dto'>` from apps/web/src/shared/api.ts, named
 * in apps/web/src/shared/api-types.ts and the features' api.ts files). This test regenerates the file from the running API's document and fails when the
 * committed one differs, so a DTO change that the portal has not caught up with fails `npm test` (and,
 * through tsc, `npm run lint`). `npm run gen:api-types` writes the file instead (UPDATE_API_TYPES=1).
 */
describe('OpenAPI document → the portal’s API types (e2e)', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'pilotlink-openapi-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('apps/web/src/openapi.d.ts is what the current API document generates', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    const input = join(dir, 'openapi.json');
    writeFileSync(input, JSON.stringify(doc.body));
    const generated = HEADER + execFileSync(process.execPath, [CLI, input], { encoding: 'utf8' });
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(TYPES_FILE, generated);
    expect(generated).toContain('CreateProgramDto');
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(generated);
  });
});
