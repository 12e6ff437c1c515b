/**
 * Configuration for `cem analyze`: the manifest describes every element from its JSDoc (`@tagname`,
 * `@summary`, `@slot`, `@event`, `@csspart`, `@cssproperty`).
 */

/** Drops events the analyzer found in `dispatchEvent(new SomeEvent())` calls without a name: the JSDoc `@event` entries name them. */
function dropUnnamedEvents() {
  return {
    name: 'licensedesk-drop-unnamed-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (Array.isArray(declaration.events)) declaration.events = declaration.events.filter((event) => event.name);
        }
      }
    },
  };
}

export default {
  // The base element lives in src/internal; it is analysed so the elements extending it are seen as Lit elements.
  globs: ['src/components/**/*.ts', 'src/internal/ld-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [dropUnnamedEvents()],
};
