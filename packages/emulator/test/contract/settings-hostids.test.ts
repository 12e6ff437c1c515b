import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, call, rejection, startTestServer, tokenFor, type TestServer } from '../support/server.js';
import { SETTINGS_CATALOGUE, SETTING_GROUPS } from '../../src/index.js';
import { DEFAULT_PRODUCER_PASSWORD } from '../../src/options.js';

describe('settings', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('lists every catalogued setting, ordered by name, with group, type, default, source and editability', async () => {
    const settings = await server.admin.settings.list();
    expect(settings.map((s) => s.name)).toEqual(SETTINGS_CATALOGUE.map((s) => s.name).sort());
    expect(new Set(settings.map((s) => s.group))).toEqual(new Set(SETTING_GROUPS));
    for (const name of [
      'licensing.clientExpiryTimer',
      'licensing.borrowInterval',
      'licensing.borrowIntervalMax',
      'licensing.allowDuplicateClients',
      'database.backup-enabled',
      'lfs.syncTo.enabled',
      'lfs.syncTo.includeAll',
      'security.anonymous',
      'security.token.duration',
      'security.ip.whitelist',
      'server.hostid.selected',
    ]) {
      expect(settings.find((s) => s.name === name), name).toBeDefined();
    }
    expect(settings.find((s) => s.name === 'licensing.borrowInterval')).toMatchObject({ value: '1w', editable: false, source: 'default', type: 'duration' });
    expect(settings.find((s) => s.name === 'security.enabled')).toMatchObject({ value: true, source: 'producer' });
  });

  it('changes admin-editable settings and reports them as the administrator’s', async () => {
    const after = await server.admin.settings.update({ 'licensing.borrowIntervalMax': '3d', 'logging.threshold': 'DEBUG', 'logging.maxHistory': 14 });
    expect(after.find((s) => s.name === 'licensing.borrowIntervalMax')).toMatchObject({ value: '3d', default: '4w', source: 'admin' });
    expect(after.find((s) => s.name === 'logging.maxHistory')?.value).toBe(14);
  });

  it('refuses producer-only settings with 403 glsErr.settingNotEditable naming them, changing nothing', async () => {
    const error = await rejection(server.admin.settings.update({ 'lfs.syncTo.enabled': true, 'logging.threshold': 'WARN' }));
    expect(error.status).toBe(403);
    expect(error.key).toBe('glsErr.settingNotEditable');
    expect(error.arguments).toEqual(['lfs.syncTo.enabled']);
    const settings = await server.admin.settings.list();
    expect(settings.find((s) => s.name === 'logging.threshold')?.value).toBe('DEBUG');
  });

  it('refuses bad values with 400 and one detail per setting, all or nothing', async () => {
    const error = await rejection(
      server.admin.settings.update({
        'licensing.clientExpiryTimer': '5 minutes',
        'security.token.duration': '0',
        'logging.threshold': 'LOUD',
        'logging.maxHistory': 0,
        'security.anonymous': 'yes',
        'no.such.setting': 1,
        'server.name': 'changed',
      }),
    );
    expect(error.status).toBe(400);
    expect(error.key).toBe('glsErr.invalidSetting');
    expect(error.details?.map((d) => d.path).sort()).toEqual(
      ['licensing.clientExpiryTimer', 'logging.maxHistory', 'logging.threshold', 'no.such.setting', 'security.anonymous', 'security.token.duration'].sort(),
    );
    const settings = await server.admin.settings.list();
    expect(settings.find((s) => s.name === 'server.name')?.value).toBe('LicenseDesk emulator');
  });

  it('accepts durations with s/m/h/d/w suffixes and bare seconds', async () => {
    for (const value of ['30s', '5m', '2h', '1d', '1w', '300']) {
      const after = await server.admin.settings.update({ 'licensing.clientExpiryTimer': value });
      expect(after.find((s) => s.name === 'licensing.clientExpiryTimer')?.value).toBe(value);
    }
    const typeError = await call(`${server.base}/configuration`, {
      method: 'PATCH',
      token: await tokenFor(server.base, 'admin', ADMIN_PASSWORD),
      body: { 'licensing.clientExpiryTimer': ['1m'] },
    });
    expect(typeError.status).toBe(400);
    expect(typeError.json.details[0].path).toBe('licensing.clientExpiryTimer');
  });

  it('lets the producer change producer-only settings', async () => {
    const producer = await server.login('producer', DEFAULT_PRODUCER_PASSWORD);
    const after = await producer.settings.update({ 'lfs.syncTo.enabled': true, 'licensing.borrowInterval': '2d' });
    expect(after.find((s) => s.name === 'lfs.syncTo.enabled')).toMatchObject({ value: true, source: 'producer' });
    expect(server.emu.context.settings.getSeconds('licensing.borrowInterval')).toBe(172_800);
  });
});

describe('host ids (C17)', () => {
  const nics = [
    { name: 'eth0', mac: 'f0:18:98:ad:8d:d3' },
    { name: 'wlan0', mac: '5e:00:a4:f1:72:01' },
    { name: 'docker0', mac: '02:42:ac:11:00:02' },
    { name: 'veth12ab', mac: '7a:11:22:33:44:55' },
    { name: 'lo', mac: '00:00:00:00:00:00', internal: true },
  ];
  let present = [...nics];
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ hostIds: { interfaces: () => present, vmUuid: () => '4C4C4544-0042-3510-8058-B4C04F4E4B32' } });
  });
  afterAll(async () => server?.close());

  it('lists Ethernet addresses marked physical, removable or virtual, the VM UUID and a stable STRING id', async () => {
    const list = await server.admin.hostids.get();
    expect(list.hostids).toEqual([
      { type: 'ETHERNET', value: '0242AC110002', interface: 'docker0', kind: 'virtual' },
      { type: 'ETHERNET', value: 'F01898AD8DD3', interface: 'eth0', kind: 'physical' },
      { type: 'ETHERNET', value: '7A1122334455', interface: 'veth12ab', kind: 'virtual' },
      { type: 'ETHERNET', value: '5E00A4F17201', interface: 'wlan0', kind: 'removable' },
      { type: 'VM_UUID', value: '4C4C4544-0042-3510-8058-B4C04F4E4B32', kind: 'vm' },
      { type: 'STRING', value: expect.stringMatching(/^LD-/), kind: 'string' },
    ]);
    expect(list.selected).toEqual({ value: 'F01898AD8DD3', type: 'ETHERNET' });
    expect(list.selectedAvailable).toBe(true);
  });

  it('selects another host id through the setting, only among the current ones', async () => {
    const error = await rejection(server.admin.settings.update({ 'server.hostid.selected': 'AABBCCDDEEFF/ETHERNET' }));
    expect(error.status).toBe(400);
    await server.admin.settings.update({ 'server.hostid.selected': '5e:00:a4:f1:72:01/ETHERNET' });
    expect((await server.admin.hostids.get()).selected).toEqual({ value: '5E00A4F17201', type: 'ETHERNET' });
    await server.admin.settings.update({ 'server.hostid.selected': 'F01898AD8DD3/ETHERNET' });
  });

  it('flags a selected host id whose source disappeared and never switches by itself', async () => {
    present = nics.filter((n) => n.name !== 'eth0');
    const list = await server.admin.hostids.get();
    expect(list.selected).toEqual({ value: 'F01898AD8DD3', type: 'ETHERNET' });
    expect(list.selectedAvailable).toBe(false);
    expect(list.hostids.some((h) => h.value === 'F01898AD8DD3')).toBe(false);
    present = [...nics];
    expect((await server.admin.hostids.get()).selectedAvailable).toBe(true);
  });

  it('reads the real machine when nothing is injected', async () => {
    const real = await startTestServer();
    try {
      const list = await real.admin.hostids.get();
      expect(list.hostids.at(-1)?.type).toBe('STRING');
      expect(list.hostids.every((h) => h.interface !== 'lo')).toBe(true);
      expect(list.selectedAvailable).toBe(true);
    } finally {
      await real.close();
    }
  });
});
