import { describe, expect, test } from 'vitest';
import { formatDuration, parseDuration } from '../../src/domain/index.js';

describe('parseDuration', () => {
  test.each([
    ['30s', 30],
    ['5m', 300],
    ['2h', 7200],
    ['1d', 86_400],
    ['1w', 604_800],
    ['300', 300],
    ['0', 0],
    [' 10m ', 600],
    [45, 45],
  ] as const)('reads %j as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: seconds });
  });

  test.each(['', 'm', '1.5h', '-5m', '5M', '5 m', '1y', '1h30m', 'abc'])('rejects %j with a clear message', (text) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('duration must be a number with optional s/m/h/d/w suffix');
      expect(result.error).toContain(JSON.stringify(text));
    }
  });

  test('rejects negative and fractional numbers', () => {
    expect(parseDuration(-1).ok).toBe(false);
    expect(parseDuration(1.5).ok).toBe(false);
  });

  test('rejects a duration too large to hold exactly', () => {
    expect(parseDuration('99999999999999999w').ok).toBe(false);
  });
});

describe('formatDuration', () => {
  test.each([
    [604_800, '1w'],
    [1_209_600, '2w'],
    [86_400, '1d'],
    [90, '90s'],
    [5_400, '90m'],
    [3_600, '1h'],
    [0, '0s'],
    [1, '1s'],
    [691_200, '8d'],
  ])('writes %d seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  test('round-trips through parseDuration', () => {
    for (const seconds of [59, 61, 3_599, 7_200, 86_401, 1_814_400]) {
      expect(parseDuration(formatDuration(seconds))).toEqual({ ok: true, value: seconds });
    }
  });

  test('throws for negative or fractional seconds', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(1.5)).toThrow(RangeError);
  });
});
