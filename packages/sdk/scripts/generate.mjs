#!/usr/bin/env node
// `pnpm generate`: writes src/generated/schema.d.ts from the OpenAPI description.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { renderSchema, SCHEMA_PATH, SPEC_PATH } from './schema-source.mjs';

const text = await renderSchema();
await mkdir(dirname(SCHEMA_PATH), { recursive: true });
await writeFile(SCHEMA_PATH, text);
console.log(`generated ${relative(process.cwd(), SCHEMA_PATH)} from ${relative(process.cwd(), SPEC_PATH)}`);
