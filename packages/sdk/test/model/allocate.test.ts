import { describe, expect, test } from 'vitest';
import { allocatePools, matchesGlob, type AllocatableFeature, type PoolAllocation } from '../../src/model/index.js';
import { parseValid } from './helpers.js';

function record(featureId: string, featureName: string, featureVersion: string, featureCount: number, extra: Partial<AllocatableFeature> = {}): AllocatableFeature {
  return { featureId, featureName, featureVersion, featureCount, ...extra };
}

/** Pool name -> featureId -> allocated, for compact expectations. */
function table(pools: PoolAllocation[]): Record<string, Record<string, number | null>> {
  return Object.fromEntries(pools.map((p) => [p.name, Object.fromEntries(p.features.map((f) => [String(f.featureId), f.allocated]))]));
}

function model(partitions: string): ReturnType<typeof parseValid> {
  return parseValid(`model "m" { partitions { ${partitions} } }`);
}

describe('allocatePools', () => {
  test('places absolute counts and leaves the rest in default', () => {
    const pools = allocatePools(model('partition "eng" { f1 1.0 2 }'), [record('A', 'f1', '1.0', 10)]);
    expect(table(pools)).toEqual({ eng: { A: 2 }, default: { A: 8 } });
    expect(pools.map((p) => [p.name, p.default])).toEqual([
      ['eng', false],
      ['default', true],
    ]);
  });

  test('lists pools in file order with default last', () => {
    const pools = allocatePools(model('partition "z" { } partition "a" { }'), []);
    expect(pools.map((p) => p.name)).toEqual(['z', 'a', 'default']);
  });

  test('takes N% of each record rounded down', () => {
    const pools = allocatePools(model('partition "p1" { f1 1.0 33% } partition "p2" { f1 1.0 33% } partition "p3" { f1 1.0 remainder }'), [
      record('A', 'f1', '1.0', 10),
    ]);
    expect(table(pools)).toEqual({ p1: { A: 3 }, p2: { A: 3 }, p3: { A: 4 }, default: {} });
  });

  test('gives later pools and default nothing after remainder', () => {
    const pools = allocatePools(model('partition "a" { f1 1.0 remainder } partition "b" { f1 1.0 5 }'), [record('A', 'f1', '1.0', 10)]);
    expect(table(pools)).toEqual({ a: { A: 10 }, b: { A: 0 }, default: {} });
    expect(pools[1]?.shortages).toEqual([{ featureName: 'f1', featureVersion: '1.0', requested: 5, allocated: 0 }]);
  });

  test('remainder takes what earlier pools left', () => {
    const pools = allocatePools(model('partition "a" { f1 1.0 4 } partition "b" { f1 1.0 remainder } partition "c" { f1 1.0 1 }'), [record('A', 'f1', '1.0', 10)]);
    expect(table(pools)).toEqual({ a: { A: 4 }, b: { A: 6 }, c: { A: 0 }, default: {} });
  });

  test('gives pools what is left in file order when the server holds fewer counts than asked', () => {
    const pools = allocatePools(model('partition "a" { f1 1.0 6 } partition "b" { f1 1.0 6 }'), [record('A', 'f1', '1.0', 8)]);
    expect(table(pools)).toEqual({ a: { A: 6 }, b: { A: 2 }, default: {} });
    expect(pools[0]?.shortages).toEqual([]);
    expect(pools[1]?.shortages).toEqual([{ featureName: 'f1', featureVersion: '1.0', requested: 6, allocated: 2 }]);
  });

  test('reports a shortage for a feature the server does not hold', () => {
    const pools = allocatePools(model('partition "a" { f9 1.0 3 }'), [record('A', 'f1', '1.0', 8)]);
    expect(pools[0]).toMatchObject({ features: [], shortages: [{ featureName: 'f9', requested: 3, allocated: 0 }] });
    expect(table(pools).default).toEqual({ A: 8 });
  });

  test('reports a percentage that earlier pools left too little for', () => {
    const pools = allocatePools(model('partition "a" { f1 1.0 8 } partition "b" { f1 1.0 50% }'), [record('A', 'f1', '1.0', 10)]);
    expect(table(pools)).toEqual({ a: { A: 8 }, b: { A: 2 }, default: {} });
    expect(pools[1]?.shortages).toEqual([{ featureName: 'f1', featureVersion: '1.0', requested: 5, allocated: 2 }]);
  });

  test('fills an absolute count across several records of one feature version in the order given', () => {
    const pools = allocatePools(model('partition "a" { f1 1.0 6 }'), [
      record('A', 'f1', '1.0', 5, { expiry: 'permanent' }),
      record('B', 'f1', '1.0', 2, { expiry: '2026-04-30' }),
    ]);
    expect(table(pools)).toEqual({ a: { A: 5, B: 1 }, default: { B: 1 } });
    expect(pools[0]?.features[1]).toEqual({ featureId: 'B', featureName: 'f1', featureVersion: '1.0', expiry: '2026-04-30', allocated: 1 });
  });

  test('takes a percentage of each record separately', () => {
    const pools = allocatePools(model('partition "a" { f1 1.0 50% }'), [record('A', 'f1', '1.0', 5), record('B', 'f1', '1.0', 3)]);
    expect(table(pools)).toEqual({ a: { A: 2, B: 1 }, default: { A: 3, B: 2 } });
  });

  test('matches versions numerically and keeps other versions in default', () => {
    const pools = allocatePools(model('partition "a" { f1 1 2 }'), [record('A', 'f1', '1.0', 5), record('B', 'f1', '2.0', 5), record('C', 'f2', '1.0', 5)]);
    expect(table(pools)).toEqual({ a: { A: 2 }, default: { A: 3, B: 5, C: 5 } });
  });

  test('vendor string specs take only records whose vendor string matches the glob', () => {
    const pools = allocatePools(model('partition "a" { f1 1.0 2 vendor string matches "site=ber*" }'), [
      record('A', 'f1', '1.0', 5, { vendorString: 'site=paris' }),
      record('B', 'f1', '1.0', 5, { vendorString: 'site=berlin' }),
      record('C', 'f1', '1.0', 5),
    ]);
    expect(table(pools)).toEqual({ a: { B: 2 }, default: { A: 5, B: 3, C: 5 } });
  });

  test('a matching vendor string spec wins over a plain spec for the same feature in one pool', () => {
    const pools = allocatePools(model('partition "a" { f1 1.0 1 ; f1 1.0 4 vendor string matches "gold" }'), [
      record('A', 'f1', '1.0', 10, { vendorString: 'gold' }),
      record('B', 'f1', '1.0', 10, { vendorString: 'silver' }),
    ]);
    expect(table(pools)).toEqual({ a: { A: 4, B: 1 }, default: { A: 6, B: 9 } });
  });

  test('uncounted records are unlimited in every pool that lists them and in default', () => {
    const pools = allocatePools(model('partition "a" { f1 1.0 5 }'), [record('U', 'f1', '1.0', 0, { uncounted: true })]);
    expect(table(pools)).toEqual({ a: { U: null }, default: { U: null } });
    expect(pools[0]?.shortages).toEqual([]);
  });

  test('works on a model without pools', () => {
    expect(table(allocatePools(parseValid('model "m" { }'), [record('A', 'f1', '1.0', 3)]))).toEqual({ default: { A: 3 } });
  });

  test('never hands out more than a record holds', () => {
    const features = [record('A', 'f1', '1.0', 7), record('B', 'f1', '1.0', 3)];
    const pools = allocatePools(model('partition "a" { f1 1.0 40% } partition "b" { f1 1.0 4 } partition "c" { f1 1.0 60% } partition "d" { f1 1.0 remainder }'), features);
    for (const f of features) {
      const total = pools.flatMap((p) => p.features).filter((x) => x.featureId === f.featureId).reduce((sum, x) => sum + (x.allocated ?? 0), 0);
      expect(total).toBe(f.featureCount);
    }
  });
});

describe('matchesGlob', () => {
  test.each([
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['a*', 'a', true],
    ['a*c', 'abbbc', true],
    ['a*c', 'abbbd', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['*b*b*', 'abxab', true],
    ['a.c', 'abc', false],
    ['a"b\\c', 'a"b\\c', true],
    ['[ab]', 'a', false],
  ])('%j against %j is %s', (pattern, text, expected) => {
    expect(matchesGlob(pattern, text)).toBe(expected);
  });

  // A backtracking matcher would not finish this within the test timeout.
  test('answers a pathological pattern without exponential backtracking', () => {
    expect(matchesGlob(`${'*a'.repeat(50)}b`, 'a'.repeat(5000))).toBe(false);
  });
});
