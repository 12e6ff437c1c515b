// Turns openapi/license-server.yaml into the text of src/generated/schema.d.ts.
// Shared by `pnpm generate` and the stale-check test, so both produce the same bytes.
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

export const SPEC_PATH = fileURLToPath(new URL('../../../openapi/license-server.yaml', import.meta.url));
export const SCHEMA_PATH = fileURLToPath(new URL('../src/generated/schema.d.ts', import.meta.url));

export const BANNER = `/**
 * DO NOT EDIT. Generated from openapi/license-server.yaml by \`pnpm generate\` (openapi-typescript).
 * Change the OpenAPI description and regenerate; test/generated/stale.test.ts fails when this file is stale.
 */
`;

/** Returns the full text of the generated schema file for the spec at `specPath`. */
export async function renderSchema(specPath = SPEC_PATH) {
  const ast = await openapiTS(pathToFileURL(specPath), { silent: true });
  return `${BANNER}${COMMENT_HEADER}${astToString(ast)}`;
}
