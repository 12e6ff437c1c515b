import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short=12 HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return '';
  }
}

// The manager's server: bundled for Node 20, its dependencies left in node_modules.
export default defineConfig({
  entry: { cli: 'src/server/cli.ts', index: 'src/server/index.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: { entry: { index: 'src/server/index.ts' } },
  sourcemap: true,
  // Only dist/server: dist/site belongs to the site build.
  clean: true,
  splitting: true,
  define: {
    __LD_MANAGER_VERSION__: JSON.stringify(pkg.version),
    __LD_BUILD_DATE__: JSON.stringify(new Date().toISOString()),
    __LD_GIT_COMMIT__: JSON.stringify(gitCommit()),
  },
  tsconfig: 'src/server/tsconfig.json',
});
