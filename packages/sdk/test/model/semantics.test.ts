import { describe, expect, test } from 'vitest';
import { parseModel } from '../../src/model/index.js';
import { parseErrors, parseValid, poolModel } from './helpers.js';

function twoPools(a: string, b: string): string {
  return `model "m" {
  partitions {
    partition "a" {
      ${a}
    }
    partition "b" {
      ${b}
    }
  }
  on any() { use "a", "b" accept }
}`;
}

describe('C04', () => {
  test('C04: rejects the same feature and version twice in one partition with glsErr.invalidModel', () => {
    const errors = parseErrors('model "m" {\n  partitions {\n    partition "p1" { "f1" 1.0 10 ; "f1" 1.0 5 }\n  }\n  on any() { use "p1" accept }\n}');
    expect(errors).toEqual([
      {
        key: 'glsErr.invalidModel',
        line: 3,
        column: 36,
        endLine: 3,
        endColumn: 46,
        message: 'feature f1 1.0 is listed twice in pool "p1" (first at line 3)',
      },
    ]);
  });

  test('C04: treats 1 and 1.0 as the same version', () => {
    expect(parseErrors(poolModel('      f1 1 10\n      "f1" 1.0 5'))[0]?.message).toContain('listed twice');
  });

  test('C04: allows one spec with and one without a vendor string match for the same feature version (pinned 2026_05 rules)', () => {
    const model = parseValid(poolModel('      "f1" 1.0 10\n      "f1" 1.0 20 vendor string matches "abc"'));
    expect(model.pools[0]?.features).toHaveLength(2);
  });

  test('C04: still rejects the same vendor string pattern twice', () => {
    const errors = parseErrors(poolModel('      "f1" 1.0 10 vendor string matches "abc"\n      "f1" 1.0 20 vendor string matches "abc"'));
    expect(errors[0]).toMatchObject({ line: 5, message: expect.stringContaining('vendor string matches "abc"') });
  });

  test('C04: allows the same feature version in different partitions', () => {
    parseValid(twoPools('"f1" 1.0 10', '"f1" 1.0 5'));
  });
});

describe('semantic checks', () => {
  test.each(['default', 'reservations', 'Default'])('rejects the reserved model name %j at the name', (name) => {
    expect(parseErrors(`model "${name}" { }`)).toEqual([expect.objectContaining({ line: 1, column: 7, message: expect.stringContaining('reserved') })]);
  });

  test('rejects an empty model name', () => {
    expect(parseErrors('model "" { }')[0]?.message).toContain('must not be empty');
  });

  test.each(['default', 'reservations'])('rejects the reserved pool name %j', (name) => {
    expect(parseErrors(poolModel('      f1 1.0 1', name))[0]).toMatchObject({ line: 3, column: 15, message: expect.stringContaining('reserved') });
  });

  test('rejects a pool defined twice, at the second definition', () => {
    const errors = parseErrors('model "m" {\n  partitions {\n    partition "a" { }\n    partition "a" { }\n  }\n  on any() { use "a" accept }\n}');
    expect(errors).toEqual([expect.objectContaining({ line: 4, column: 15, message: 'pool "a" is already defined at line 3' })]);
  });

  test('rejects use of an undefined pool at the pool name and lists the defined ones', () => {
    const errors = parseErrors('model "m" {\n  partitions { partition "eng" { f 1 1 } }\n  on any() { use "eng", "qa" accept }\n}');
    expect(errors).toEqual([expect.objectContaining({ line: 3, column: 25, message: 'pool "qa" is not defined (defined pools: "eng", "default")' })]);
  });

  test('allows use of the default pool without defining it', () => {
    parseValid('model "m" { on any() { use "default" accept } }');
  });

  test('rejects percentages of one feature adding up to more than 100% across pools', () => {
    const errors = parseErrors(twoPools('"f1" 1.0 60%', '"f1" 1 50%'));
    expect(errors).toEqual([expect.objectContaining({ line: 7, column: 14, endColumn: 17, message: expect.stringContaining('add up to 110%') })]);
  });

  test('allows percentages adding up to exactly 100%', () => {
    parseValid(twoPools('"f1" 1.0 33%\n      "f2" 1.0 100%', '"f1" 1.0 67%'));
  });

  test('adds percentages per feature version and vendor pattern separately', () => {
    parseValid(twoPools('"f1" 1.0 60%\n      "f1" 2.0 60%', '"f1" 1.0 40%\n      "f1" 1.0 60% vendor string matches "x*"'));
  });

  test('rejects remainder given to two pools', () => {
    const errors = parseErrors(twoPools('"f1" 1.0 remainder', '"f1" 1.0 remainder'));
    expect(errors).toEqual([expect.objectContaining({ line: 7, message: expect.stringContaining('already takes the remainder') })]);
  });

  test('warns that a pool after a remainder gets none of that feature', () => {
    const result = parseModel(twoPools('"f1" 1.0 remainder', '"f1" 1.0 5'));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ line: 7, message: expect.stringContaining('gets none of f1 1.0') })]);
  });

  test('reports every semantic error, in text order', () => {
    const errors = parseErrors(`model "default" {
  partitions {
    partition "a" { f1 1.0 150% ; f1 1.0 1 }
    partition "a" { }
  }
  on any() { use "nope" accept }
}`);
    expect(errors.map((e) => [e.line, e.message.split(' ').slice(0, 3).join(' ')])).toEqual([
      [1, 'the model name'],
      [3, 'percentage 150% is'],
      [3, 'feature f1 1.0'],
      [4, 'pool "a" is'],
      [6, 'pool "nope" is'],
    ]);
  });

  test('returns the model along with semantic errors, but not after a syntax error', () => {
    const semantic = parseModel('model "default" { }');
    expect(semantic.ok === false && semantic.model?.name).toBe('default');
    const syntax = parseModel('model "m" {');
    expect(syntax.ok === false && syntax.model).toBeUndefined();
  });

  test('rejects a host id with an empty value and warns about malformed ETHERNET values', () => {
    const errors = parseErrors('model "m" { on hostid("/ETHERNET") { deny } }');
    expect(errors[0]?.message).toContain('empty value');
    const result = parseModel('model "m" { on hostid("F01898AD8D/ETHERNET", "f0:18:98:ad:8d:d3/ETHERNET") { deny } }');
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ column: 23, message: expect.stringContaining('12 hexadecimal digits') })]);
  });

  test('warns about rules after an unconditional rule and pools no rule uses', () => {
    const result = parseModel('model "m" {\n  partitions { partition "idle" { f 1 1 } }\n  on any() { deny }\n  on hostname("x") { accept }\n}');
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.line, w.message.split(':')[0]])).toEqual([
      [2, 'pool "idle" is not used by any rule, so its counts can never be served'],
      [4, 'this rule is never reached'],
    ]);
  });

  test('does not treat an any() rule that continues as unconditional', () => {
    const result = parseModel('model "m" { on any() { continue } on hostname("x") { accept } }');
    expect(result.warnings).toEqual([]);
  });
});
