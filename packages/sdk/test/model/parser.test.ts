import { describe, expect, test } from 'vitest';
import { INVALID_MODEL_KEY, parseModel } from '../../src/model/index.js';
import { parseErrors, parseValid, poolModel } from './helpers.js';

describe('parseModel: structure', () => {
  test('reads a model with pools and rules', () => {
    const model = parseValid(`// engineering gets two seats
model "example" {
  partitions {
    partition "engineering" {
      "f1" 1.0 2
    }
  }
  on hostid("F01898AD8DD3/ETHERNET", "5E00A4F17201/ETHERNET") {
    use "engineering"
    accept
  }
  on any() { use "default" accept }
}`);
    expect(model.name).toBe('example');
    expect(model.pools).toHaveLength(1);
    expect(model.pools[0]).toMatchObject({ name: 'engineering', features: [{ featureName: 'f1', featureVersion: '1.0', amount: { kind: 'count', value: 2 }, quoted: true }] });
    expect(model.rules.map((r) => [r.action, r.pools])).toEqual([
      ['accept', ['engineering']],
      ['accept', ['default']],
    ]);
    expect(model.rules[0]?.matcher).toMatchObject({ kind: 'hostid', hostIds: ['F01898AD8DD3/ETHERNET', '5E00A4F17201/ETHERNET'] });
    expect(model.rules[0]?.span.start).toMatchObject({ line: 8, column: 3 });
    expect(model.rules[1]?.text).toBe('on any()');
  });

  test('reads a model without pools', () => {
    const model = parseValid('model "block" { on hostid("a/USER","b/USER") { deny } on any() { use "default" accept } }');
    expect(model.pools).toEqual([]);
    expect(model.rules[0]).toMatchObject({ action: 'deny', pools: [] });
  });

  test('reads an empty model and an empty partitions block', () => {
    expect(parseValid('model "m" { }').rules).toEqual([]);
    expect(parseValid('model "m" { partitions { } }').pools).toEqual([]);
  });

  test('reads a rule without an action as having none', () => {
    expect(parseValid('model "m" { on any() { use "default" } }').rules[0]?.action).toBeNull();
  });

  test('reads several pools in one use', () => {
    const model = parseValid('model "m" { partitions { partition "a" { f 1 1 } partition "b" { f 1 1 } } on any() { use "a", "b" continue } }');
    expect(model.rules[0]).toMatchObject({ pools: ['a', 'b'], action: 'continue' });
  });

  test('allows optional semicolons in pools and rule bodies', () => {
    const model = parseValid('model "m" { partitions { partition "a" { f1 1 1; f2 1 2;; } ; } on any() { use "a"; accept; } ; }');
    expect(model.pools[0]?.features.map((f) => f.featureName)).toEqual(['f1', 'f2']);
  });

  test('skips all three comment styles anywhere', () => {
    const model = parseValid(`# hash
model /* inline */ "m" { // trailing
  on any() /* before brace */ { use "default" # after
    accept }
}`);
    expect(model.rules[0]?.action).toBe('accept');
  });

  test('keeps the source text of a rule\'s condition and spans the whole rule', () => {
    const model = parseValid('model "m" {\n  on (hostname("a") ||\n     hostname("b")) /* why */ { deny }\n}');
    expect(model.rules[0]?.text).toBe('on (hostname("a") ||\n     hostname("b"))');
    expect(model.rules[0]?.span).toMatchObject({ start: { line: 2, column: 3 }, end: { line: 3, column: 39 } });
  });

  test('reads vendor string matches with escapes', () => {
    const model = parseValid(poolModel(String.raw`      "f1" 1.0 20 vendor string matches "a\"b\\c*"`));
    expect(model.pools[0]?.features[0]?.vendorStringPattern).toBe('a"b\\c*');
  });

  test('reads a bare feature named vendor followed by another spec', () => {
    const model = parseValid(poolModel('      f1 1.0 1\n      vendor 2.0 3'));
    expect(model.pools[0]?.features.map((f) => f.featureName)).toEqual(['f1', 'vendor']);
  });

  test('reads bare feature names that are also keywords', () => {
    const model = parseValid(poolModel('      on 1.0 1\n      partition 1 2\n      remainder 1 3'));
    expect(model.pools[0]?.features.map((f) => f.featureName)).toEqual(['on', 'partition', 'remainder']);
  });
});

describe('parseModel: conditions', () => {
  const matcherOf = (condition: string) => parseValid(`model "m" { on ${condition} { deny } }`).rules[0]?.matcher;
  const shape = (m: unknown): unknown => {
    const node = m as { kind: string; operands?: unknown[]; operand?: unknown; names?: string[] };
    if (node.kind === 'and' || node.kind === 'or') return [node.kind, ...(node.operands ?? []).map(shape)];
    if (node.kind === 'not') return ['not', shape(node.operand)];
    if (node.kind === 'hostname') return node.names?.[0];
    return node.kind;
  };

  test('binds AND tighter than OR', () => {
    expect(shape(matcherOf('hostname("a") OR hostname("b") AND hostname("c")'))).toEqual(['or', 'a', ['and', 'b', 'c']]);
    expect(shape(matcherOf('hostname("a") && hostname("b") || hostname("c")'))).toEqual(['or', ['and', 'a', 'b'], 'c']);
  });

  test('honours parentheses', () => {
    expect(shape(matcherOf('(hostname("a") OR hostname("b")) AND hostname("c")'))).toEqual(['and', ['or', 'a', 'b'], 'c']);
  });

  test('binds NOT and ! to the next matcher only', () => {
    expect(shape(matcherOf('NOT hostname("a") AND !hostname("b")'))).toEqual(['and', ['not', 'a'], ['not', 'b']]);
    expect(shape(matcherOf('!(hostname("a") || hostname("b"))'))).toEqual(['not', ['or', 'a', 'b']]);
  });

  test('accepts lower-case and, or, not', () => {
    expect(shape(matcherOf('not hostname("a") and hostname("b") or hostname("c")'))).toEqual(['or', ['and', ['not', 'a'], 'b'], 'c']);
  });

  test('reads every matcher kind', () => {
    expect(matcherOf('dictionary("site":"berlin", "tier":*)')).toMatchObject({
      kind: 'dictionary',
      entries: [
        { key: 'site', value: 'berlin' },
        { key: 'tier', value: null },
      ],
    });
    expect(matcherOf('hosttype("VIRTUAL")')).toMatchObject({ kind: 'hosttype', types: ['VIRTUAL'] });
    expect(matcherOf('hostname("a", "b")')).toMatchObject({ kind: 'hostname', names: ['a', 'b'] });
    expect(matcherOf('any()')).toMatchObject({ kind: 'any' });
  });

  test('reads a long OR chain without deep recursion', () => {
    const condition = Array.from({ length: 5000 }, (_, i) => `hostname("h${i}")`).join(' || ');
    const matcher = matcherOf(condition);
    expect(matcher?.kind === 'or' && matcher.operands.length).toBe(5000);
  });

  test('rejects conditions nested too deeply instead of overflowing the stack', () => {
    const errors = parseErrors(`model "m" { on ${'('.repeat(10_000)}any()${')'.repeat(10_000)} { deny } }`);
    expect(errors[0]?.message).toContain('nested more than');
  });
});

describe('parseModel: without requested features', () => {
  test('keeps an all-from clause with its pools', () => {
    const model = parseValid('model "m" { partitions { partition "a" { f 1 1 } } on any() { use "a" without requested features { all from "a", "default" } accept } }');
    expect(model.rules[0]?.without).toEqual({ raw: 'all from "a", "default"', allFrom: ['a', 'default'] });
    expect(model.rules[0]?.action).toBe('accept');
  });

  test('keeps a feature list loosely', () => {
    const model = parseValid('model "m" { on any() { without requested features { "f1" 1.0, f2 } continue } }');
    expect(model.rules[0]?.without).toEqual({ raw: '"f1" 1.0, f2', features: [{ featureName: 'f1', featureVersion: '1.0' }, { featureName: 'f2' }] });
  });

  test('keeps text it cannot interpret as raw only', () => {
    const model = parseValid('model "m" { on any() { without requested features { something (odd) } } }');
    expect(model.rules[0]?.without).toEqual({ raw: 'something (odd)' });
  });
});

describe('parseModel: syntax errors', () => {
  test('every error carries the invalid-model key, a line and a column', () => {
    const [error] = parseErrors('model "m" {\n  on any() { use default accept }\n}');
    expect(error).toMatchObject({ key: INVALID_MODEL_KEY, line: 2, column: 18 });
    expect(error?.message).toContain('double quotes');
  });

  test('reports a missing "}" before the next partition at that line', () => {
    const errors = parseErrors('model "m" {\n  partitions {\n    partition "p1" {\n      "f1" 1.0 2\n    partition "p2" {\n    }\n  }\n}');
    expect(errors).toEqual([
      expect.objectContaining({ line: 5, column: 5, message: 'missing "}" to close partition "p1" opened at line 3 before "partition"' }),
    ]);
  });

  test('reports a missing "}" at end of input after the last token', () => {
    const errors = parseErrors('model "m" {\n  on any() { use "default" accept }\n\n');
    expect(errors).toEqual([expect.objectContaining({ line: 2, column: 36, message: expect.stringContaining('missing "}" to close model "m" opened at line 1') })]);
  });

  test('points at a "}" indented like the wrong block', () => {
    const errors = parseErrors('model "m" {\n  partitions {\n    partition "p1" {\n      "f1" 1.0 2\n  }\n  on any() { use "p1" accept }\n}');
    expect(errors[0]).toMatchObject({ line: 6, column: 3 });
    expect(errors[0]?.message).toContain('missing "}" to close the partitions block opened at line 2');
    expect(errors[0]?.message).toContain('the "}" at line 5 closes partition "p1" from line 3');
  });

  test('reports a rule body that runs into the next rule', () => {
    const errors = parseErrors('model "m" {\n  on any() { use "default" accept\n  on hostname("x") { deny }\n}');
    expect(errors[0]).toMatchObject({ line: 3, column: 3, message: expect.stringContaining('missing "}" to close the rule at line 2') });
  });

  test.each([
    ['', 1, 1, 'starts with model'],
    ['models "m" {}', 1, 1, 'starts with model'],
    ['model m { }', 1, 7, 'double quotes'],
    ['model "m" { } extra', 1, 15, 'after the end of the model'],
    ['model "m" { on any() { accept } partitions { } }', 1, 33, 'must come before the rules'],
    ['model "m" { partitions { } partitions { } }', 1, 28, 'only one partitions block'],
    ['model "m" { partition "p" { } }', 1, 13, 'inside "partitions'],
    ['model "m" { partitions { partition "p" { "f1" 1.0 } } }', 1, 51, 'an amount'],
    ['model "m" { partitions { partition "p" { "f1" x 1 } } }', 1, 47, 'a version'],
    ['model "m" { partitions { partition "p" { "f1" 1.0 1.5 } } }', 1, 51, 'whole number'],
    ['model "m" { partitions { partition "p" { "f1" 1.0 1 vendor string "x" } } }', 1, 67, '"matches"'],
    ['model "m" { on hostid() { deny } }', 1, 23, 'at least one'],
    ['model "m" { on any(1) { deny } }', 1, 20, 'no arguments'],
    ['model "m" { on hostnme("a") { deny } }', 1, 16, 'a condition'],
    ['model "m" { on any() deny }', 1, 22, '"{", "AND" or "OR"'],
    ['model "m" { on (any() { deny } }', 1, 23, '")" to close the "(" at line 1, column 16'],
    ['model "m" { on any() { accept use "x" } }', 1, 31, '"}"'],
    ['model "m" { on dictionary("k") { deny } }', 1, 30, '":"'],
    ['model "m" { on any() { use "a" "b" } }', 1, 32, 'expected'],
  ])('%j fails at %d:%d', (text, line, column, message) => {
    const errors = parseErrors(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line, column, message: expect.stringContaining(message) });
  });

  test('reports only the first syntax error', () => {
    expect(parseErrors('model "m" { on any( { } on any( { } }')).toHaveLength(1);
  });

  test('never throws, even for input that is not text', () => {
    expect(parseModel(undefined as unknown as string).ok).toBe(false);
    expect(parseModel(42 as unknown as string).errors[0]?.message).toContain('must be text');
  });
});

describe('C05', () => {
  test('C05: accepts unquoted feature names', () => {
    const model = parseValid(poolModel('      f1 1.0 2'));
    expect(model.pools[0]?.features[0]).toMatchObject({ featureName: 'f1', featureVersion: '1.0', amount: { kind: 'count', value: 2 }, quoted: false });
  });

  test('C05: accepts quoted feature names to the same effect', () => {
    const quoted = parseValid(poolModel('      "f1" 1.0 2')).pools[0]?.features[0];
    const bare = parseValid(poolModel('      f1 1.0 2')).pools[0]?.features[0];
    expect({ ...quoted, quoted: undefined, span: undefined, amountSpan: undefined }).toEqual({ ...bare, quoted: undefined, span: undefined, amountSpan: undefined });
  });

  test('C05: reads a percentage with a major-only version', () => {
    expect(parseValid(poolModel('      "f2" 2 50%')).pools[0]?.features[0]).toMatchObject({ featureVersion: '2', amount: { kind: 'percent', value: 50 } });
  });

  test('C05: reads remainder', () => {
    expect(parseValid(poolModel('      "f3" 1.0 remainder')).pools[0]?.features[0]?.amount).toEqual({ kind: 'remainder' });
  });

  test('C05: rejects 101% at the amount', () => {
    const errors = parseErrors(poolModel('      "f4" 1.0 101%'));
    expect(errors).toEqual([expect.objectContaining({ line: 4, column: 16, endColumn: 20, message: expect.stringContaining('101%'), key: 'glsErr.invalidModel' })]);
  });

  test('C05: accepts 0% and 100%', () => {
    parseValid(poolModel('      "f4" 1.0 100%\n      "f5" 1.0 0%'));
  });

  test('C05: a missing "}" is reported at the line where the next construct starts', () => {
    const text = ['model "m" {', '  partitions {', '    partition "p1" {', '      "f1" 1.0 2', '      "f2" 2 50%', '  }', '  on any() { use "p1" accept }', '}'].join('\n');
    const errors = parseErrors(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 7, column: 3 });
    expect(errors[0]?.message).toContain('missing "}"');
  });

  test('C05: all doc example forms in one model', () => {
    const model = parseValid(poolModel('      f1 1.0 2\n      "f1" 2.0 2\n      "f2" 2 50%\n      "f3" 1.0 remainder'));
    expect(model.pools[0]?.features.map((f) => f.amount.kind)).toEqual(['count', 'count', 'percent', 'remainder']);
  });
});
