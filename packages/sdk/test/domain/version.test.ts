import { describe, expect, test } from 'vitest';
import { compareVersions, isValidVersion, parseVersion, satisfiesVersion } from '../../src/domain/index.js';

describe('parseVersion', () => {
  test('reads major and minor as numbers', () => {
    expect(parseVersion('1.10')).toEqual({ ok: true, value: { major: 1, minor: 10, hasMinor: true } });
  });

  test('treats a missing minor as 0 and remembers it was missing', () => {
    expect(parseVersion('2')).toEqual({ ok: true, value: { major: 2, minor: 0, hasMinor: false } });
  });

  test('keeps leading zeros numeric', () => {
    expect(parseVersion('01.007')).toEqual({ ok: true, value: { major: 1, minor: 7, hasMinor: true } });
  });

  test.each(['', '1.', '.1', '1.2.3', 'v1', '1.0a', ' 1.0', '1.0 ', '-1', '1,0', '１.０'])('rejects %j', (text) => {
    const result = parseVersion(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(JSON.stringify(text));
  });

  test('rejects a non-string without throwing', () => {
    expect(parseVersion(1 as unknown as string).ok).toBe(false);
  });

  test('rejects a part too large to compare exactly', () => {
    expect(parseVersion('12345678901234567890.1').ok).toBe(false);
  });

  test('isValidVersion agrees with parseVersion', () => {
    expect(isValidVersion('1.0')).toBe(true);
    expect(isValidVersion('1.0.0')).toBe(false);
    expect(isValidVersion(10)).toBe(false);
  });
});

describe('compareVersions', () => {
  test('orders 1.9 before 1.10 before 2', () => {
    expect(['2', '1.10', '1.9'].sort(compareVersions)).toEqual(['1.9', '1.10', '2']);
  });

  test('treats a missing minor as 0', () => {
    expect(compareVersions('2', '2.0')).toBe(0);
    expect(compareVersions('2', '2.1')).toBeLessThan(0);
  });

  test('compares the major part first', () => {
    expect(compareVersions('10.0', '9.99')).toBeGreaterThan(0);
  });

  test('accepts parsed versions', () => {
    expect(compareVersions({ major: 1, minor: 2, hasMinor: true }, '1.10')).toBeLessThan(0);
  });

  test('sorts invalid versions after valid ones without throwing', () => {
    expect(['beta', '3.0', 'alpha', '1'].sort(compareVersions)).toEqual(['1', '3.0', 'alpha', 'beta']);
  });
});

describe('satisfiesVersion', () => {
  test('a higher version serves a lower request', () => {
    expect(satisfiesVersion('2.0', '1.0')).toBe(true);
    expect(satisfiesVersion('1.10', '1.9')).toBe(true);
  });

  test('an equal version serves the request', () => {
    expect(satisfiesVersion('1', '1.0')).toBe(true);
  });

  test('a lower version does not serve the request', () => {
    expect(satisfiesVersion('1.9', '1.10')).toBe(false);
  });

  test('an invalid version satisfies nothing', () => {
    expect(satisfiesVersion('latest', '1.0')).toBe(false);
    expect(satisfiesVersion('1.0', 'x')).toBe(false);
  });
});
