import { describe, expect, test } from 'vitest';
import {
  formatHostIdSpec,
  hostIdKey,
  normaliseHostId,
  parseHostIdSpec,
  sameHostId,
} from '../../src/domain/index.js';

describe('normaliseHostId', () => {
  test('strips : and - from an ETHERNET value and upper-cases it', () => {
    expect(normaliseHostId({ value: 'f0:18:98:ad:8d:d3', type: 'ETHERNET' })).toEqual({ value: 'F01898AD8DD3', type: 'ETHERNET' });
    expect(normaliseHostId({ value: 'f0-18-98-ad-8d-d3', type: 'ethernet' })).toEqual({ value: 'F01898AD8DD3', type: 'ETHERNET' });
  });

  test('leaves values of other types unchanged', () => {
    expect(normaliseHostId({ value: 'Alice@Example.com', type: 'USER' })).toEqual({ value: 'Alice@Example.com', type: 'USER' });
    expect(normaliseHostId({ value: 'a:b-c', type: 'STRING' })).toEqual({ value: 'a:b-c', type: 'STRING' });
  });
});

describe('sameHostId', () => {
  test('matches ETHERNET values ignoring case and separators', () => {
    expect(sameHostId({ value: '0a0b0c0d0e0f', type: 'ETHERNET' }, { value: '0A:0B:0C:0D:0E:0F', type: 'ETHERNET' })).toBe(true);
  });

  test('compares other types exactly', () => {
    expect(sameHostId({ value: 'host-a', type: 'STRING' }, { value: 'HOST-A', type: 'STRING' })).toBe(false);
    expect(sameHostId({ value: 'hosta', type: 'STRING' }, { value: 'host-a', type: 'STRING' })).toBe(false);
  });

  test('does not match the same value with a different type', () => {
    expect(sameHostId({ value: 'F01898AD8DD3', type: 'ETHERNET' }, { value: 'F01898AD8DD3', type: 'STRING' })).toBe(false);
  });

  test('hostIdKey is equal exactly when sameHostId matches', () => {
    expect(hostIdKey({ value: 'f0-18-98-ad-8d-d3', type: 'ETHERNET' })).toBe(hostIdKey({ value: 'F01898AD8DD3', type: 'ETHERNET' }));
    expect(hostIdKey({ value: 'a', type: 'USER' })).not.toBe(hostIdKey({ value: 'A', type: 'USER' }));
  });
});

describe('parseHostIdSpec', () => {
  test('splits value and type', () => {
    expect(parseHostIdSpec('F01898AD8DD3/ETHERNET')).toEqual({ value: 'F01898AD8DD3', type: 'ETHERNET' });
    expect(parseHostIdSpec('user1@example.com/USER')).toEqual({ value: 'user1@example.com', type: 'USER' });
  });

  test('treats a spec without a type as STRING', () => {
    expect(parseHostIdSpec('build-agent-7')).toEqual({ value: 'build-agent-7', type: 'STRING' });
  });

  test('splits only at the last slash', () => {
    expect(parseHostIdSpec('CN=a/OU=b/USER')).toEqual({ value: 'CN=a/OU=b', type: 'USER' });
  });

  test('keeps a slash in the value when the suffix is not an upper-case type token', () => {
    expect(parseHostIdSpec('team/alpha')).toEqual({ value: 'team/alpha', type: 'STRING' });
    expect(parseHostIdSpec('abc/')).toEqual({ value: 'abc/', type: 'STRING' });
    expect(parseHostIdSpec('a/Ethernet')).toEqual({ value: 'a/Ethernet', type: 'STRING' });
  });

  test('round-trips through formatHostIdSpec even when the value contains a slash', () => {
    for (const hostId of [
      { value: 'x/USER', type: 'STRING' },
      { value: 'a/b', type: 'VM_UUID' },
      { value: 'Zoë Ω', type: 'STRING' },
    ]) {
      expect(parseHostIdSpec(formatHostIdSpec(hostId))).toEqual(hostId);
    }
  });
});
