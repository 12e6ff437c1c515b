import { describe, expect, test } from 'vitest';
import { evaluateModel, matchesRequest, type EvaluationRequest, type ModelDefinition } from '../../src/model/index.js';
import { parseValid } from './helpers.js';

const ethernet = (value: string): EvaluationRequest => ({ hostId: { value, type: 'ETHERNET' } });

describe('C07', () => {
  const model = parseValid(`model "m" {
  partitions { partition "eng" { "f1" 1.0 2 } }
  on hostid("F01898AD8DD3/ETHERNET") { use "eng" accept }
}`);

  test('C07: the exact host id uses the eng pool and names the rule', () => {
    expect(evaluateModel(model, ethernet('F01898AD8DD3'))).toEqual({
      decision: 'accept',
      pools: ['eng'],
      rule: { index: 0, line: 3, column: 3, text: 'on hostid("F01898AD8DD3/ETHERNET")' },
    });
  });

  test('C07: the same NIC written as f0:18:98:ad:8d:d3 is normalised and also uses eng', () => {
    expect(evaluateModel(model, ethernet('f0:18:98:ad:8d:d3'))).toMatchObject({ decision: 'accept', pools: ['eng'], rule: { index: 0 } });
  });

  test('C07: another NIC falls through to the implicit default rule', () => {
    expect(evaluateModel(model, ethernet('5E00A4F17201'))).toEqual({ decision: 'accept', pools: ['default'], rule: null });
  });

  test('C07: the same value with another host id type does not match', () => {
    expect(evaluateModel(model, { hostId: { value: 'F01898AD8DD3', type: 'STRING' } }).pools).toEqual(['default']);
  });
});

describe('evaluateModel', () => {
  test('takes the first rule that decides', () => {
    const model = parseValid('model "m" { on hostname("a") { deny } on any() { use "default" accept } }');
    expect(evaluateModel(model, { hostId: { value: 'x', type: 'STRING' }, hostName: 'a' })).toMatchObject({ decision: 'deny', pools: [], rule: { index: 0 } });
    expect(evaluateModel(model, { hostId: { value: 'x', type: 'STRING' }, hostName: 'b' })).toMatchObject({ decision: 'accept', pools: ['default'], rule: { index: 1 } });
  });

  test('continue collects pools and falls through to the next deciding rule', () => {
    const model = parseValid(`model "m" {
  partitions { partition "a" { f 1 1 } partition "b" { f 1 1 } partition "c" { f 1 1 } }
  on any() { use "a" continue }
  on hostname("skip") { use "c" accept }
  on any() { use "b", "a" accept }
}`);
    expect(evaluateModel(model, { hostId: { value: 'x', type: 'STRING' } })).toMatchObject({ decision: 'accept', pools: ['a', 'b'], rule: { index: 2, line: 5 } });
  });

  test('continue past the last rule ends at the implicit default, keeping the collected pools', () => {
    const model = parseValid('model "m" { partitions { partition "a" { f 1 1 } } on any() { use "a" continue } }');
    expect(evaluateModel(model, { hostId: { value: 'x', type: 'STRING' } })).toEqual({ decision: 'accept', pools: ['a', 'default'], rule: null });
  });

  test('deny after continue serves no pools', () => {
    const model = parseValid('model "m" { partitions { partition "a" { f 1 1 } } on any() { use "a" continue } on any() { deny } }');
    expect(evaluateModel(model, { hostId: { value: 'x', type: 'STRING' } })).toMatchObject({ decision: 'deny', pools: [], rule: { index: 1 } });
  });

  test('a rule without an action accepts, and accepting with no pools serves from default', () => {
    const model = parseValid('model "m" { on hostname("a") { } on any() { deny } }');
    expect(evaluateModel(model, { hostId: { value: 'x', type: 'STRING' }, hostName: 'a' })).toMatchObject({ decision: 'accept', pools: ['default'], rule: { index: 0 } });
  });

  test('a model without rules accepts everything into default', () => {
    expect(evaluateModel(parseValid('model "m" { }'), ethernet('AABBCCDDEEFF'))).toEqual({ decision: 'accept', pools: ['default'], rule: null });
  });

  test('an allow list denies everyone else', () => {
    const model = parseValid('model "allow" { on hostid("alice/USER", "bob/USER") { use "default" accept } on any() { deny } }');
    expect(evaluateModel(model, { hostId: { value: 'bob', type: 'USER' } }).decision).toBe('accept');
    expect(evaluateModel(model, { hostId: { value: 'Bob', type: 'USER' } }).decision).toBe('deny');
    expect(evaluateModel(model, { hostId: { value: 'carol', type: 'USER' } }).decision).toBe('deny');
  });

  test('describes rules of a model built in code by their serialised condition', () => {
    const model: ModelDefinition = { name: 'm', pools: [], rules: [{ matcher: { kind: 'any' }, pools: [], action: 'deny' }] };
    expect(evaluateModel(model, ethernet('AABBCCDDEEFF')).rule).toEqual({ index: 0, line: 0, column: 0, text: 'on any()' });
  });
});

describe('matchesRequest', () => {
  const request: EvaluationRequest = {
    hostId: { value: 'build-7', type: 'STRING' },
    hostName: 'Build-7.Example.COM',
    hostType: 'virtual',
    dictionary: { site: 'berlin', tier: 'gold', seats: 3, empty: null },
  };

  test('host id specs without a type are STRING host ids', () => {
    expect(matchesRequest({ kind: 'hostid', hostIds: ['build-7'] }, request)).toBe(true);
    expect(matchesRequest({ kind: 'hostid', hostIds: ['BUILD-7'] }, request)).toBe(false);
  });

  test('host names and types ignore case', () => {
    expect(matchesRequest({ kind: 'hostname', names: ['build-7.example.com'] }, request)).toBe(true);
    expect(matchesRequest({ kind: 'hostname', names: ['build-7'] }, request)).toBe(false);
    expect(matchesRequest({ kind: 'hosttype', types: ['VIRTUAL'] }, request)).toBe(true);
  });

  test('a request without a host name or type matches no hostname or hosttype condition', () => {
    const bare = { hostId: request.hostId };
    expect(matchesRequest({ kind: 'hostname', names: [''] }, bare)).toBe(false);
    expect(matchesRequest({ kind: 'hosttype', types: ['PHYSICAL'] }, bare)).toBe(false);
  });

  test('dictionary needs every listed key, with its value unless *', () => {
    expect(matchesRequest({ kind: 'dictionary', entries: [{ key: 'site', value: 'berlin' }, { key: 'tier', value: null }] }, request)).toBe(true);
    expect(matchesRequest({ kind: 'dictionary', entries: [{ key: 'site', value: 'berlin' }, { key: 'tier', value: 'silver' }] }, request)).toBe(false);
    expect(matchesRequest({ kind: 'dictionary', entries: [{ key: 'region', value: null }] }, request)).toBe(false);
    expect(matchesRequest({ kind: 'dictionary', entries: [{ key: 'Site', value: 'berlin' }] }, request)).toBe(false);
  });

  test('dictionary compares non-string values by their text and treats null as absent', () => {
    expect(matchesRequest({ kind: 'dictionary', entries: [{ key: 'seats', value: '3' }] }, request)).toBe(true);
    expect(matchesRequest({ kind: 'dictionary', entries: [{ key: 'empty', value: null }] }, request)).toBe(false);
  });

  test('dictionary does not see inherited properties', () => {
    expect(matchesRequest({ kind: 'dictionary', entries: [{ key: 'toString', value: null }] }, request)).toBe(false);
  });

  test('combines conditions with AND, OR and NOT', () => {
    const model = parseValid('model "m" { on hosttype("VIRTUAL") AND NOT (dictionary("site":"paris") OR hostname("x")) { deny } }');
    expect(evaluateModel(model, request).decision).toBe('deny');
    expect(evaluateModel(model, { ...request, dictionary: { site: 'paris' } }).decision).toBe('accept');
  });
});
