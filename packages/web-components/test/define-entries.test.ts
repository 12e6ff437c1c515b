/// <reference types="vite/client" />
/**
 * Static check of the define entries: a host page may import one entry alone
 * (`@licensedesk/web-components/define/features-table`), so each entry must register every `ld-*`
 * element its element renders. The tags are read from the `html` templates of the element's module
 * and of the modules it imports (shared render helpers in `src/internal`), not from comments or
 * plain strings.
 */
import { describe, expect, it } from 'vitest';

const SOURCES = import.meta.glob<string>(['../src/**/*.ts', '!../src/**/*.test.ts', '!../src/**/*.test-d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** `../src/a/b.ts` for a relative specifier (`./c.js`, `../d/e.js`) imported from `from`. */
function resolve(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/').replace(/\.js$/, '.ts');
}

interface Scan {
  /** The static text of every html`…` template (substitutions left out). */
  templates: string[];
  /** Source without comments, strings and template text: where imports are read from. */
  code: string;
}

const REGEX_BEFORE = /[(,=:[!&|?{};+\-*%<>~^]$|(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|void|yield|await)$/;

/** Splits a TypeScript module into code and the static text of its html templates. */
function scan(source: string): Scan {
  const templates: string[] = [];
  let code = '';
  // Each frame is code (with its brace depth) or a template literal (tagged `html` or not).
  type Frame = { kind: 'code'; depth: number } | { kind: 'template'; html: boolean; text: string };
  const stack: Frame[] = [{ kind: 'code', depth: 0 }];
  let i = 0;
  while (i < source.length) {
    const frame = stack[stack.length - 1]!;
    const c = source[i]!;
    if (frame.kind === 'template') {
      if (c === '\\') {
        frame.text += source.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        if (frame.html) templates.push(frame.text);
        stack.pop();
        i += 1;
      } else if (c === '$' && source[i + 1] === '{') {
        frame.text += ' ';
        stack.push({ kind: 'code', depth: 0 });
        i += 2;
      } else {
        frame.text += c;
        i += 1;
      }
      continue;
    }
    if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      code += source.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && REGEX_BEFORE.test(code.trimEnd())) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j += 1;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j += 1;
      }
      code += ' /re/ ';
      i = j + 1;
    } else if (c === '`') {
      stack.push({ kind: 'template', html: /(?:^|[^\w$])html\s*$/.test(code), text: '' });
      code += ' `` ';
      i += 1;
    } else if (c === '{') {
      frame.depth += 1;
      code += c;
      i += 1;
    } else if (c === '}' && frame.depth === 0 && stack.length > 1) {
      // End of a `${…}` substitution: back to the template around it.
      stack.pop();
      i += 1;
    } else {
      if (c === '}') frame.depth -= 1;
      code += c;
      i += 1;
    }
  }
  return { templates, code };
}

/** Relative modules a module imports for their values (type-only imports left out). */
function valueImports(path: string, code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/\bimport\s+(type\s+)?(?:([^'";]+?)\s+from\s+)?(['"])(\.[^'"]+)\3/g)) {
    const [, typeOnly, clause = '', , specifier] = m;
    if (typeOnly) continue;
    // `import { type A, type B } from` is type-only as well.
    const names = /^\{([\s\S]*)\}$/.exec(clause.trim())?.[1];
    if (names !== undefined && names.split(',').every((n) => n.trim() === '' || /^type\s/.test(n.trim()))) continue;
    found.push(resolve(path, specifier!));
  }
  return found;
}

const scans = new Map(Object.entries(SOURCES).map(([path, source]) => [path, scan(source)]));

/** An element module: `components/<name>/<name>.ts`. */
function isElementModule(path: string): boolean {
  return /\/components\/([a-z-]+)\/\1\.ts$/.test(path);
}

/**
 * The `ld-*` tags an element module renders: its own templates and those of the modules it
 * imports, except define entries and other elements' modules (importing a class renders nothing).
 */
function renderedTags(elementModule: string): Set<string> {
  const tags = new Set<string>();
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const s = scans.get(path);
    if (!s) return;
    for (const text of s.templates) for (const m of text.matchAll(/<(ld-[a-z-]+)/g)) tags.add(m[1]!);
    for (const dep of valueImports(path, s.code)) {
      if (dep.includes('/define/') || dep.endsWith('/define.ts') || (isElementModule(dep) && dep !== elementModule)) continue;
      visit(dep);
    }
  };
  visit(elementModule);
  return tags;
}

interface DefineEntry {
  /** `src/define/<name>.ts` */
  file: string;
  tag: string;
  elementModule: string;
  /** Define entries it imports, as `./<name>.js`. */
  imports: Set<string>;
}

const entries: DefineEntry[] = [...scans]
  .filter(([path]) => /\/src\/define\/[a-z-]+\.ts$/.test(path))
  .map(([path, s]) => {
    const source = SOURCES[path]!;
    const tag = /defineElement\(\s*'(ld-[a-z-]+)'/.exec(source)?.[1] ?? '';
    const deps = valueImports(path, s.code);
    return {
      file: path.replace(/^\.\.\//, ''),
      tag,
      elementModule: deps.find(isElementModule) ?? '',
      imports: new Set(deps.filter((d) => d.includes('/define/')).map((d) => `./${d.split('/').pop()!.replace(/\.ts$/, '.js')}`)),
    };
  });

const entryByTag = new Map(entries.map((e) => [e.tag, e]));

describe('define entries', () => {
  it('finds every define entry with its tag and element module', () => {
    expect(entries.length).toBeGreaterThan(20);
    for (const entry of entries) {
      expect(entry.tag, entry.file).toMatch(/^ld-/);
      expect(entry.elementModule, entry.file).not.toBe('');
    }
  });

  it('reads the tags from html templates and shared render helpers, not from comments or strings', () => {
    const tagsOf = (tag: string) => [...renderedTags(entryByTag.get(tag)!.elementModule)].sort();
    // Rendered through `pagedTable` / `listStatus` in src/internal/paged-list.ts.
    expect(tagsOf('ld-features-table')).toEqual(['ld-data-table', 'ld-pager', 'ld-status']);
    // Named only in JSDoc and in an error message.
    expect(tagsOf('ld-data-table')).toEqual([]);
    expect(tagsOf('ld-reservations-view')).toContain('ld-reservations-import');
  });

  it('registers every ld-* element an element renders, so one entry works alone', () => {
    const missing: string[] = [];
    for (const entry of entries) {
      for (const tag of renderedTags(entry.elementModule)) {
        if (tag === entry.tag) continue;
        const inner = entryByTag.get(tag);
        if (!inner) {
          missing.push(`<${entry.tag}> renders <${tag}>, which has no define entry`);
          continue;
        }
        const specifier = `./${inner.file.split('/').pop()!.replace(/\.ts$/, '.js')}`;
        if (!entry.imports.has(specifier)) missing.push(`${entry.file} must import '${specifier}' (<${entry.tag}> renders <${tag}>)`);
      }
    }
    expect(missing).toEqual([]);
  });
});
