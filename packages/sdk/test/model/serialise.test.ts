import { describe, expect, test } from 'vitest';
import {
  parseModel,
  quoteModelString,
  serialiseMatcher,
  serialiseModel,
  tokenizeModel,
  type Matcher,
  type ModelAst,
  type ModelDefinition,
} from '../../src/model/index.js';
import { parseValid } from './helpers.js';

/** Drops positions and source details so a parsed model compares with a plain definition. */
function plain(model: ModelAst): ModelDefinition {
  return JSON.parse(
    JSON.stringify(model, (key, value: unknown) => (['span', 'nameSpan', 'amountSpan', 'argSpans', 'poolSpans', 'text', 'quoted'].includes(key) ? undefined : value)),
  ) as ModelDefinition;
}

describe('C13', () => {
  test('C13: quotes a"b\\c as "a\\"b\\\\c"', () => {
    expect(quoteModelString('a"b\\c')).toBe(String.raw`"a\"b\\c"`);
  });

  test('C13: a vendor string matcher for a"b\\c serialises and parses back exactly', () => {
    const definition: ModelDefinition = {
      name: 'm',
      pools: [{ name: 'p', features: [{ featureName: 'f1', featureVersion: '1.0', amount: { kind: 'count', value: 1 }, vendorStringPattern: 'a"b\\c' }] }],
      rules: [{ matcher: { kind: 'any' }, pools: ['p'], action: 'accept' }],
    };
    const text = serialiseModel(definition);
    expect(text).toContain(String.raw`vendor string matches "a\"b\\c"`);
    expect(parseValid(text).pools[0]?.features[0]?.vendorStringPattern).toBe('a"b\\c');
  });

  test('C13: Zoë Ω round-trips through names, pools, host ids and dictionary values', () => {
    const definition: ModelDefinition = {
      name: 'Zoë Ω',
      pools: [{ name: 'Zoë Ω', features: [{ featureName: 'Zoë Ω', featureVersion: '2', amount: { kind: 'percent', value: 50 }, vendorStringPattern: 'Zoë Ω*' }] }],
      rules: [
        {
          matcher: { kind: 'and', operands: [{ kind: 'hostid', hostIds: ['Zoë Ω/USER'] }, { kind: 'dictionary', entries: [{ key: 'Zoë', value: 'Ω' }] }] },
          pools: ['Zoë Ω'],
          action: 'accept',
        },
      ],
    };
    expect(plain(parseValid(serialiseModel(definition)))).toEqual(definition);
  });

  test('C13: the literal text \\u0020 stays literal', () => {
    const quoted = quoteModelString('\\u0020');
    expect(quoted).toBe(String.raw`"\\u0020"`);
    expect(tokenizeModel(quoted).tokens[0]?.value).toBe('\\u0020');
  });

  test('C13: a 2,000-character vendor string round-trips exactly', () => {
    const long = `${'x"\\'.repeat(666)}yz`;
    expect(long).toHaveLength(2000);
    expect(tokenizeModel(quoteModelString(long)).tokens[0]?.value).toBe(long);
  });
});

describe('serialiseModel', () => {
  test('writes a model that parses back to the same model', () => {
    const source = `model "m" {
  partitions {
    partition "a" { f1 1.0 2 ; f2 2 50% ; "f3" 1.10 remainder ; f4 3 1 vendor string matches "x?" }
    partition "b" { }
  }
  on hostid("F01898AD8DD3/ETHERNET", "a/b") || (hostname("x") && !hosttype("VIRTUAL")) { use "a", "b" continue }
  on NOT (dictionary("k":*, "j":"v") OR any()) AND hostname("y") { deny }
  on any() { without requested features { all from "a" } accept }
  on hostname("z") { }
}`;
    const model = parseValid(source);
    const text = serialiseModel(model);
    expect(plain(parseValid(text))).toEqual(plain(model));
    expect(serialiseModel(parseValid(text))).toBe(text);
  });

  test('writes the layout people expect', () => {
    const model = parseValid('model "example" { partitions { partition "eng" { f1 1.0 2 } } on hostid("F01898AD8DD3/ETHERNET") { use "eng" accept } }');
    expect(serialiseModel(model)).toBe(`model "example" {
  partitions {
    partition "eng" {
      "f1" 1.0 2
    }
  }
  on hostid("F01898AD8DD3/ETHERNET") { use "eng" accept }
}
`);
  });

  test('leaves out an empty partitions block', () => {
    expect(serialiseModel({ name: 'm', pools: [], rules: [] })).toBe('model "m" {\n}\n');
  });

  test('refuses a string with a line break, which no model string can hold', () => {
    expect(() => quoteModelString('a\nb')).toThrow(RangeError);
  });
});

describe('serialiseMatcher', () => {
  const h = (name: string): Matcher => ({ kind: 'hostname', names: [name] });

  test('adds parentheses where binding strength needs them', () => {
    expect(serialiseMatcher({ kind: 'and', operands: [{ kind: 'or', operands: [h('a'), h('b')] }, h('c')] })).toBe('(hostname("a") OR hostname("b")) AND hostname("c")');
    expect(serialiseMatcher({ kind: 'not', operand: { kind: 'and', operands: [h('a'), h('b')] } })).toBe('NOT (hostname("a") AND hostname("b"))');
    expect(serialiseMatcher({ kind: 'not', operand: { kind: 'not', operand: h('a') } })).toBe('NOT NOT hostname("a")');
  });

  test('parenthesises AND inside OR for readability', () => {
    expect(serialiseMatcher({ kind: 'or', operands: [h('a'), { kind: 'and', operands: [h('b'), h('c')] }] })).toBe('hostname("a") OR (hostname("b") AND hostname("c"))');
  });

  test('keeps the meaning of nested trees through a parse', () => {
    const tree: Matcher = {
      kind: 'or',
      operands: [{ kind: 'or', operands: [h('a'), h('b')] }, { kind: 'not', operand: { kind: 'or', operands: [h('c'), { kind: 'and', operands: [h('d'), h('e')] }] } }],
    };
    const result = parseModel(`model "m" { on ${serialiseMatcher(tree)} { deny } }`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(serialiseMatcher(result.model.rules[0]!.matcher)).toBe(serialiseMatcher(tree));
  });
});
