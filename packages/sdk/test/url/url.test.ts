import { describe, expect, it } from 'vitest';
import { createLicenseServerClient, joinUrl, parseServerAddress, resolveServerUrl } from '../../src/index.js';

/** Collects the URLs the client asks for, answering each with an empty JSON array. */
function recordingFetch(urls: string[]) {
  return async (request: Request) => {
    urls.push(request.url);
    return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
}

describe('resolveServerUrl', () => {
  it('joins a server origin, a full local URL and a cloud URL into one /features URL without double slashes (C16)', async () => {
    const cases: [string, string | undefined, string][] = [
      ['http://10.0.0.5:7070/', undefined, 'http://10.0.0.5:7070/api/1.0/instances/~/features'],
      ['http://10.0.0.5:7070/api/1.0/instances/~', undefined, 'http://10.0.0.5:7070/api/1.0/instances/~/features'],
      [
        'https://acme.compliance.flexnetoperations.com/api/1.0/instances/ABC123XYZ/',
        undefined,
        'https://acme.compliance.flexnetoperations.com/api/1.0/instances/ABC123XYZ/features',
      ],
      ['http://10.0.0.5:7070', 'ABC123XYZ', 'http://10.0.0.5:7070/api/1.0/instances/ABC123XYZ/features'],
    ];
    for (const [server, instanceId, expected] of cases) {
      const urls: string[] = [];
      const client = createLicenseServerClient({ server, instanceId, fetch: recordingFetch(urls) });
      await client.features.list().getPage(1, 10);
      const url = new URL(urls[0]!);
      expect(`${url.origin}${url.pathname}`).toBe(expected);
      expect(url.pathname).not.toContain('//');
      expect(joinUrl(client.baseUrl, 'features')).toBe(expected);
    }
  });

  it('lets an explicit instance id win over the one in the address', () => {
    expect(resolveServerUrl('https://acme.compliance.flexnetoperations.com/api/1.0/instances/ABC123XYZ/', 'OTHER9')).toBe(
      'https://acme.compliance.flexnetoperations.com/api/1.0/instances/OTHER9',
    );
  });

  it('uses ~ when neither the address nor the options name an instance', () => {
    expect(resolveServerUrl('http://licsrv:7070')).toBe('http://licsrv:7070/api/1.0/instances/~');
    expect(resolveServerUrl('http://licsrv:7070/api/1.0')).toBe('http://licsrv:7070/api/1.0/instances/~');
    expect(resolveServerUrl('http://licsrv:7070/api/1.0/')).toBe('http://licsrv:7070/api/1.0/instances/~');
  });

  it('keeps a reverse-proxy path prefix and collapses repeated slashes', () => {
    expect(resolveServerUrl('https://tools.example.com/licsrv//')).toBe('https://tools.example.com/licsrv/api/1.0/instances/~');
    expect(resolveServerUrl('https://tools.example.com/licsrv/api/1.0/instances/~/features')).toBe(
      'https://tools.example.com/licsrv/api/1.0/instances/~',
    );
  });

  it('accepts a host and port without a scheme as http', () => {
    expect(resolveServerUrl('licsrv:7070')).toBe('http://licsrv:7070/api/1.0/instances/~');
    expect(resolveServerUrl('  10.0.0.5:7070/  ')).toBe('http://10.0.0.5:7070/api/1.0/instances/~');
  });

  it('percent-encodes an instance id that needs it', () => {
    expect(resolveServerUrl('http://licsrv:7070', 'a b/c')).toBe('http://licsrv:7070/api/1.0/instances/a%20b%2Fc');
  });

  it('throws a TypeError with the reason and the hint for an unusable address', () => {
    expect(() => resolveServerUrl('8224@licsrv')).toThrow(TypeError);
    expect(() => createLicenseServerClient({ server: '8224@licsrv' })).toThrow(/lmgrd/);
  });
});

describe('parseServerAddress', () => {
  it('explains that 8224@licsrv looks like an lmgrd address and suggests the REST address (C15)', () => {
    const result = parseServerAddress('8224@licsrv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('lmgrd-address');
    expect(result.reason).toMatch(/lmgrd/);
    expect(result.reason).toMatch(/FlexNet Publisher/);
    expect(result.hint).toContain('http://licsrv:7070');
  });

  it('recognises lmgrd lists, a bare @host, and port@host typed after http:// (C15)', () => {
    for (const input of ['27000@lic1:27000@lic2', '27000@lic1;27000@lic2', '@licsrv', 'http://8224@licsrv']) {
      const result = parseServerAddress(input);
      expect(result.ok ? 'ok' : result.code, input).toBe('lmgrd-address');
    }
  });

  it('normalises http://licsrv:7070 to the API base URL (C15)', () => {
    expect(parseServerAddress('http://licsrv:7070')).toEqual({
      ok: true,
      baseUrl: 'http://licsrv:7070/api/1.0/instances/~',
      origin: 'http://licsrv:7070',
      instanceId: '~',
    });
  });

  it('reads the instance id from a cloud address', () => {
    const result = parseServerAddress('https://acme.compliance.flexnetoperations.com/api/1.0/instances/ABC123XYZ/');
    expect(result.ok && result.instanceId).toBe('ABC123XYZ');
  });

  it('refuses an empty address, another scheme, credentials in the URL and garbage, each with a hint', () => {
    const codes = ['', 'ftp://licsrv', 'http://admin:secret@licsrv:7070', 'http://[nope'].map((input) => {
      const result = parseServerAddress(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.hint.length).toBeGreaterThan(10);
      return result.ok ? 'ok' : result.code;
    });
    expect(codes).toEqual(['empty', 'unsupported-scheme', 'credentials-in-url', 'invalid-url']);
  });
});
