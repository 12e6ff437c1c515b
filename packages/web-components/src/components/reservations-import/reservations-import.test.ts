import { html } from 'lit';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import { chooseFiles, deleteAllGroups, grantFeatures, startAdminServer, visibleText, type AdminServer } from '../../../test/setup/admin-server.js';
import type { LdReservationsChangedEvent, LdReservationsImportedEvent } from '../../events/admin.js';
import type { LicenseServerClient } from '../../internal/sdk.js';
import type { LdCodeView } from '../code-view/code-view.js';
import type { LdReservationsImport } from './reservations-import.js';

let server: AdminServer;
let admin: LicenseServerClient;

beforeAll(async () => {
  server = await startAdminServer({ seed: 'none' });
  admin = await server.client();
  await grantFeatures(server, admin, 'ACT-IMP', [
    { featureName: 'f1', featureVersion: '1.0', count: 2 },
    { featureName: 'f2', featureVersion: '2.0', count: 10 },
  ]);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

beforeEach(async () => {
  await deleteAllGroups(admin);
});

function file(text: string, name = 'reservations.json'): File {
  return new File([text], name, { type: 'application/json' });
}

async function mount(client: LicenseServerClient = admin): Promise<LdReservationsImport> {
  return fixture<LdReservationsImport>(html`<ld-reservations-import .client=${client}></ld-reservations-import>`);
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function problemItems(el: LdReservationsImport): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="problem"]')];
}

describe('<ld-reservations-import>', () => {
  describe('checks before sending', () => {
    it('C02: lists every problem with its group, reservation, entry, field, JSON path and line, and sends nothing', async () => {
      await admin.reservations.create({
        name: 'qa',
        reservations: [{ hostId: { value: 'AABBCCDDEEFF', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f2', featureVersion: '2.0', featureCount: 1 }] }],
      });
      const text = `[
  {
    "name": "qa",
    "reservations": [
      { "hostId": { "value": "0A0B0C0D0E0F", "type": "ETHERNET" },
        "reservationEntries": [ { "featureName": "f2", "featureVersion": "2.0", "featureCount": 1 } ] }
    ]
  },
  {
    "name": "dev",
    "reservations": [
      { "hostId": { "value": "0a0b0c0d0e0f", "type": "ETHERNET" },
        "reservationEntries": [ { "featureName": "f2", "featureVersion": "2.0", "featureCount": "2" } ] }
    ]
  },
  {
    "reservations": [
      { "hostId": { "value": "USER-1", "type": "STRING" },
        "reservationEntries": [ { "featureName": "f2", "featureVersion": "1.x", "featureCount": 1 } ] }
    ]
  }
]
`;
      const el = await mount();
      chooseFiles(shadowQuery<HTMLInputElement>(el, 'input[type="file"]'), [file(text)]);
      await vi.waitFor(() => expect(el.importState).toBe('invalid'));
      await el.updateComplete;

      const byPath = new Map(el.importProblems.map((p) => [p.path, p]));
      expect([...byPath.keys()].sort()).toEqual(
        [
          '$[0].name',
          '$[1].reservations[0].hostId',
          '$[1].reservations[0].reservationEntries[0].featureCount',
          '$[2].reservations[0].reservationEntries[0].featureVersion',
        ].sort(),
      );
      expect(byPath.get('$[0].name')).toMatchObject({ code: 'existingGroupName', where: 'group "qa", field name', position: at(text, '"name": "qa"') });
      // Lower-case ETHERNET ids are the same host id (decisions.md 7).
      expect(byPath.get('$[1].reservations[0].hostId')).toMatchObject({ code: 'duplicateHostId', where: 'group "dev", reservation 1, field hostId', position: at(text, '"hostId": { "value": "0a0b') });
      // A string count is an error, never coerced.
      expect(byPath.get('$[1].reservations[0].reservationEntries[0].featureCount')).toMatchObject({
        code: 'invalidCount',
        where: 'group "dev", reservation 1, entry 1, field featureCount',
        position: at(text, '"featureCount": "2"'),
      });
      // A group without a name is legal: its problems point at it by position.
      expect(byPath.get('$[2].reservations[0].reservationEntries[0].featureVersion')).toMatchObject({
        code: 'invalidVersion',
        where: 'group 3, reservation 1, entry 1, field featureVersion',
      });

      const items = problemItems(el);
      expect(items).toHaveLength(4);
      const countItem = items.find((li) => li.dataset.path?.endsWith('featureCount'))!;
      const { line, column } = at(text, '"featureCount": "2"');
      expect(visibleText(countItem)).toMatch(new RegExp(`group "dev", reservation 1, entry 1, field featureCount \\(line ${line}, column ${column}\\)\\s*:`));
      expect(visibleText(countItem)).toContain('$[1].reservations[0].reservationEntries[0].featureCount');
      expect(visibleText(shadowQuery(el, '[part~="summary"]'))).toContain('4 problems');
      const code = shadowQuery<LdCodeView>(el, 'ld-code-view');
      expect(code.shadowRoot!.querySelectorAll('.line.error')).toHaveLength(4);
      // Nothing was sent: the server has only "qa".
      expect((await admin.reservations.list().all()).map((g) => g.name)).toEqual(['qa']);
      expect(shadowQuery<HTMLButtonElement>(el, '[part~="import-button"]').disabled).toBe(true);
      await expectNoAxeViolations(el);
    });

    it('shows a JSON syntax error at its line and column', async () => {
      const el = await mount();
      const state = await el.check(file('[\n  { "name": "x",\n    "reservations": [] \n    "oops": 1 }\n]\n'));
      expect(state).toBe('syntax-error');
      await el.updateComplete;
      expect(el.importProblems).toHaveLength(1);
      expect(el.importProblems[0]!.position).toEqual({ line: 4, column: 5 });
      expect(visibleText(shadowQuery(el, '[part~="summary"]'))).toMatch(/is not valid JSON: .* at line 4\s*,\s*column 5/);
      const code = shadowQuery<LdCodeView>(el, 'ld-code-view');
      await code.updateComplete;
      expect(code.shadowRoot!.querySelector('.line.error')!.getAttribute('data-line')).toBe('4');
    });
  });

  describe('dry run and import', () => {
    it('shows what would be created and whether it can be satisfied, then imports everything at once', async () => {
      const text = JSON.stringify([
        {
          name: 'ops',
          reservations: [
            { hostId: { value: 'AA11BB22CC33', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }] },
          ],
        },
        { reservations: [{ hostId: { value: 'user-2', type: 'USER' }, reservationEntries: [{ featureName: 'f2', featureVersion: '2.0', featureCount: 3 }] }] },
      ]);
      const el = await mount();
      expect(await el.check(file(text, 'two-groups.json'))).toBe('ready');
      await el.updateComplete;
      // The dry run stored nothing.
      expect(await admin.reservations.list().all()).toEqual([]);
      const summary = visibleText(shadowQuery(el, '[part~="summary"]'));
      expect(summary).toContain('2 groups with 2 reservation entries would be created');
      expect(summary).toContain('All of them can be satisfied');
      const preview = [...shadowQuery(el, '[part~="preview"]').querySelectorAll('tbody tr')].map((tr) => visibleText(tr));
      expect(preview).toEqual([expect.stringMatching(/^ok AA11BB22CC33 ETHERNET ops f1 1\.0 1$/), expect.stringMatching(/^ok user-2 USER \S+ f2 2\.0 3$/)]);
      await expectNoAxeViolations(el);

      const imported = nextEvent<LdReservationsImportedEvent>(el, 'ld-reservations-imported');
      const changed = nextEvent<LdReservationsChangedEvent>(el, 'ld-reservations-changed');
      shadowQuery<HTMLButtonElement>(el, '[part~="import-button"]').click();
      const { detail } = await imported;
      expect(detail.fileName).toBe('two-groups.json');
      expect(detail.entries).toBe(2);
      expect(detail.groups.map((g) => g.name)[0]).toBe('ops');
      const generated = detail.groups[1]!.name;
      expect(generated).not.toBe('');
      expect((await changed).detail).toEqual({ action: 'imported', groups: ['ops', generated] });
      expect((await admin.reservations.list().all()).map((g) => g.name)).toEqual(['ops', generated]);
      await el.updateComplete;
      expect(el.importState).toBe('imported');
      expect(visibleText(el)).toContain(`The server named the groups the file left unnamed: ${generated}`);
    });

    it('C01: the dry run names the short feature at its entry and nothing is stored', async () => {
      await admin.reservations.create({
        name: 'ops',
        reservations: [{ hostId: { value: 'AA11BB22CC33', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }] }],
      });
      const text = JSON.stringify(
        {
          name: 'lab',
          reservations: [{ hostId: { value: 'AA11BB22CC44', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 2 }] }],
        },
        null,
        2,
      );
      const el = await mount();
      expect(await el.check(file(text))).toBe('refused');
      await el.updateComplete;
      expect(el.importProblems).toHaveLength(1);
      expect(el.importProblems[0]).toMatchObject({
        path: '$.reservations[0].reservationEntries[0]',
        where: 'group "lab", reservation 1, entry 1',
        code: 'glsErr.insufficientCount',
      });
      expect(el.importProblems[0]!.message).toMatch(/f1 1\.0 needs 2, 1 free/);
      expect(el.importProblems[0]!.position).not.toBeNull();
      expect(visibleText(problemItems(el)[0]!)).toMatch(/group "lab", reservation 1, entry 1 \(line \d+\s*,\s*column \d+\s*\)/);
      expect((await admin.reservations.list().all()).map((g) => g.name)).toEqual(['ops']);
      expect(shadowQuery<HTMLButtonElement>(el, '[part~="import-button"]').disabled).toBe(true);
    });

    it('Cancel forgets the file and tells the host', async () => {
      const el = await mount();
      await el.check(file('{'));
      const cancelled = nextEvent(el, 'ld-cancel');
      shadowQuery<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
      expect(((await cancelled) as CustomEvent).detail).toEqual({ what: 'reservations-import' });
      expect(el.importState).toBe('idle');
    });
  });
});
