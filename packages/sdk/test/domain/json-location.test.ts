import { describe, expect, test } from 'vitest';
import { parseJsonWithLocation } from '../../src/domain/index.js';

function errorOf(text: string) {
  const result = parseJsonWithLocation(text);
  if (result.ok) throw new Error('expected a syntax error');
  return result.error;
}

describe('parseJsonWithLocation', () => {
  test('returns the value of valid JSON', () => {
    expect(parseJsonWithLocation('{"a":[1,2,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, 2, { b: null }] } });
  });

  test('accepts a leading byte-order mark', () => {
    expect(parseJsonWithLocation('\uFEFF[1]')).toEqual({ ok: true, value: [1] });
  });

  test('points at a missing comma on the right line and column', () => {
    const text = '{\n  "name": "qa"\n  "reservations": []\n}';
    expect(errorOf(text)).toMatchObject({ line: 3, column: 3, message: expect.stringContaining('","') });
  });

  test('points at a trailing comma', () => {
    expect(errorOf('[1,\n 2,\n]')).toMatchObject({ line: 2, column: 3, message: expect.stringContaining('trailing comma') });
  });

  test('points at an unquoted property name', () => {
    expect(errorOf('{\n  name: "qa"\n}')).toMatchObject({ line: 2, column: 3 });
  });

  test('points at the start of an unterminated string', () => {
    expect(errorOf('[\n  "abc\n]')).toMatchObject({ line: 2, column: 3, message: expect.stringContaining('unterminated string') });
  });

  test('reports the end of input for a truncated document', () => {
    expect(errorOf('{"a": [1, 2')).toMatchObject({ line: 1, column: 12, message: expect.stringContaining('end of input') });
  });

  test('reports content after the value', () => {
    expect(errorOf('{}\n{}')).toMatchObject({ line: 2, column: 1 });
  });

  test('rejects an empty text', () => {
    expect(errorOf('   ')).toMatchObject({ line: 1, column: 4 });
  });

  test('rejects single quotes, invalid escapes and bad numbers where they are', () => {
    expect(errorOf("{'a':1}")).toMatchObject({ line: 1, column: 2 });
    expect(errorOf('["a\\x"]')).toMatchObject({ line: 1, column: 4 });
    expect(errorOf('[01]')).toMatchObject({ line: 1, column: 3 });
  });

  test('counts columns after a byte-order mark from the start of the text', () => {
    expect(errorOf('\uFEFF[1,]')).toMatchObject({ line: 1, column: 4, message: expect.stringContaining('trailing comma') });
  });
});
