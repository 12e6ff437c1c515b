import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANNER, renderSchema, SCHEMA_PATH } from '../../scripts/schema-source.mjs';

describe('src/generated/schema.d.ts', () => {
  it('matches a fresh generation from openapi/license-server.yaml byte for byte (run `pnpm generate` when this fails)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'licensedesk-schema-'));
    try {
      const fresh = join(dir, 'schema.d.ts');
      await writeFile(fresh, await renderSchema());
      const [expected, actual] = await Promise.all([readFile(fresh), readFile(SCHEMA_PATH)]);
      expect(actual.equals(expected), 'src/generated/schema.d.ts is stale: run `pnpm generate`').toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('opens with the do-not-edit banner', async () => {
    const text = await readFile(SCHEMA_PATH, 'utf8');
    expect(text.startsWith(BANNER)).toBe(true);
    expect(text.slice(0, 200)).toContain('DO NOT EDIT');
  });
});
