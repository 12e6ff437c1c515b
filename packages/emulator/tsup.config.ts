import { copyFileSync, existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  async onSuccess() {
    // The published package carries the spec it implements (dist first, see src/http/spec.ts).
    const spec = '../../openapi/license-server.yaml';
    if (!existsSync(spec)) throw new Error(`Cannot find ${spec} to copy into dist`);
    copyFileSync(spec, 'dist/license-server.yaml');
  },
});
