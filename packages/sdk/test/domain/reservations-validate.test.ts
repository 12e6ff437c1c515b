import { describe, expect, test } from 'vitest';
import { validateReservationImport, type ReservationProblem } from '../../src/domain/index.js';

const entry = (featureName = 'f1', featureVersion = '1.0', featureCount: unknown = 1) => ({ featureName, featureVersion, featureCount });
const reservation = (value: string, type = 'ETHERNET', entries: unknown[] = [entry()]) => ({ hostId: { value, type }, reservationEntries: entries });

function pathsOf(problems: ReservationProblem[]): string[] {
  return problems.map((p) => p.path);
}

describe('validateReservationImport', () => {
  test('accepts a single valid group and returns it as an array', () => {
    const group = { name: 'qa', reservations: [reservation('0A0B0C0D0E0F')] };
    expect(validateReservationImport(group)).toEqual({ ok: true, groups: [group], problems: [] });
  });

  test('accepts an array of valid groups', () => {
    const result = validateReservationImport([
      { name: 'qa', reservations: [reservation('0A0B0C0D0E0F')] },
      { name: 'dev', reservations: [reservation('alice@example.com', 'USER', [entry('f1', '1.0', 2), entry('f2', '2', 1)])] },
    ]);
    expect(result.ok).toBe(true);
    expect(result.groups).toHaveLength(2);
  });

  describe('C02', () => {
    test('C02: reports a host id used in two groups, at the second one, naming the first', () => {
      const result = validateReservationImport([
        { name: 'qa', reservations: [reservation('0A0B0C0D0E0F')] },
        { name: 'dev', reservations: [reservation('AABBCCDDEEFF'), reservation('0A0B0C0D0E0F')] },
      ]);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([
        {
          path: '$[1].reservations[1].hostId',
          group: 'dev',
          code: 'duplicateHostId',
          message: expect.stringContaining('$[0].reservations[0].hostId (group "qa")'),
        },
      ]);
    });

    test('C02: a lower-case ETHERNET host id duplicates the upper-case one', () => {
      const result = validateReservationImport([
        { name: 'qa', reservations: [reservation('0A0B0C0D0E0F')] },
        { name: 'dev', reservations: [reservation('0a0b0c0d0e0f')] },
      ]);
      expect(result.problems).toMatchObject([{ path: '$[1].reservations[0].hostId', code: 'duplicateHostId' }]);
    });

    test('C02: an ETHERNET host id with separators duplicates one without', () => {
      const result = validateReservationImport({
        name: 'qa',
        reservations: [reservation('0a:0b:0c:0d:0e:0f'), reservation('0A-0B-0C-0D-0E-0F')],
      });
      expect(result.problems).toMatchObject([{ path: '$.reservations[1].hostId', code: 'duplicateHostId', group: 'qa' }]);
    });

    test('C02: a host id of another type that differs only in case is not a duplicate', () => {
      const result = validateReservationImport({ name: 'qa', reservations: [reservation('alice', 'USER'), reservation('Alice', 'USER')] });
      expect(result.ok).toBe(true);
    });

    test('C02: re-importing an existing group name is reported against what the server holds', () => {
      const result = validateReservationImport([{ name: 'qa', reservations: [reservation('0A0B0C0D0E0F')] }], { existingGroups: ['qa', 'ops'] });
      expect(result.problems).toEqual([
        { path: '$[0].name', group: 'qa', code: 'existingGroupName', message: 'a reservation group named "qa" already exists on the server' },
      ]);
    });

    test('C02: a host id already reserved on the server is reported', () => {
      const result = validateReservationImport({ name: 'lab', reservations: [reservation('0a-0b-0c-0d-0e-0f')] }, {
        existingHostIds: [{ value: '0A0B0C0D0E0F', type: 'ETHERNET' }],
      });
      expect(result.problems).toMatchObject([{ path: '$.reservations[0].hostId', code: 'existingHostId', group: 'lab' }]);
    });

    test('C02: a group without a name is legal', () => {
      const result = validateReservationImport({ reservations: [reservation('0A0B0C0D0E0F')] });
      expect(result).toEqual({ ok: true, groups: [{ reservations: [reservation('0A0B0C0D0E0F')] }], problems: [] });
    });

    test('C02: problems in a group without a name name the group by its index', () => {
      const result = validateReservationImport([{ name: 'qa', reservations: [reservation('0A0B0C0D0E0F')] }, { reservations: [reservation('x', 'USER', [entry('f1', '1.0', 0)])] }]);
      expect(result.problems).toMatchObject([{ path: '$[1].reservations[0].reservationEntries[0].featureCount', group: 1 }]);
    });

    test('C02: a string count is rejected, not coerced', () => {
      const result = validateReservationImport([
        { name: 'qa', reservations: [reservation('0A0B0C0D0E0F')] },
        { name: 'dev', reservations: [reservation('AABBCCDDEEFF', 'ETHERNET', [entry('f1', '1.0', 1), entry('f2', '1.0', 1), entry('f3', '1.0', '2')])] },
      ]);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([
        {
          path: '$[1].reservations[0].reservationEntries[2].featureCount',
          group: 'dev',
          code: 'invalidCount',
          message: 'featureCount must be a positive whole number, not the string "2"',
        },
      ]);
      expect(result.groups[1]?.reservations[0]?.reservationEntries).toHaveLength(2);
    });

    test('C02: a duplicate group name within the posting is reported at the second', () => {
      const result = validateReservationImport([
        { name: 'qa', reservations: [reservation('0A0B0C0D0E0F')] },
        { name: 'qa', reservations: [reservation('AABBCCDDEEFF')] },
      ]);
      expect(result.problems).toMatchObject([{ path: '$[1].name', code: 'duplicateGroupName', message: expect.stringContaining('$[0].name') }]);
    });
  });

  test.each([
    [0, 'the number 0'],
    [-1, 'the number -1'],
    [1.5, 'the number 1.5'],
    [null, 'null'],
    [true, 'the boolean true'],
    [Number.NaN, 'the number NaN'],
    [1e20, 'the number 100000000000000000000'],
  ])('rejects the count %j', (count, shown) => {
    const result = validateReservationImport({ name: 'g', reservations: [reservation('u', 'USER', [entry('f1', '1.0', count)])] });
    expect(result.problems).toEqual([
      expect.objectContaining({ path: '$.reservations[0].reservationEntries[0].featureCount', code: 'invalidCount', message: expect.stringContaining(shown) }),
    ]);
  });

  test('requires the version to be a version string', () => {
    const result = validateReservationImport({
      name: 'g',
      reservations: [reservation('u', 'USER', [entry('a', '1.0.0'), { featureName: 'b', featureVersion: 1.0, featureCount: 1 }, entry('c', '')])],
    });
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['$.reservations[0].reservationEntries[0].featureVersion', 'invalidVersion'],
      ['$.reservations[0].reservationEntries[1].featureVersion', 'wrongType'],
      ['$.reservations[0].reservationEntries[2].featureVersion', 'invalidVersion'],
    ]);
  });

  test('reports the same feature version twice in one reservation, counting 1 and 1.0 as the same', () => {
    const result = validateReservationImport({ name: 'g', reservations: [reservation('u', 'USER', [entry('f1', '1.0'), entry('f2', '1.0'), entry('f1', '1')])] });
    expect(result.problems).toMatchObject([
      { path: '$.reservations[0].reservationEntries[2]', code: 'duplicateEntry', message: expect.stringContaining('reservationEntries[0]') },
    ]);
  });

  test('allows the same feature in reservations of different host ids', () => {
    const result = validateReservationImport({ name: 'g', reservations: [reservation('u1', 'USER'), reservation('u2', 'USER')] });
    expect(result.ok).toBe(true);
  });

  test('reports unknown fields at every level, naming server-assigned ones', () => {
    const result = validateReservationImport({
      name: 'g',
      id: 4,
      reservations: [{ hostId: { value: 'u', type: 'USER', kind: 'x' }, reservationEntries: [{ ...entry(), state: 'SATISFIABLE' }], extra: 1 }],
    });
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['$.id', 'unknownField'],
      ['$.reservations[0].extra', 'unknownField'],
      ['$.reservations[0].hostId.kind', 'unknownField'],
      ['$.reservations[0].reservationEntries[0].state', 'unknownField'],
    ]);
    expect(result.problems[0]?.message).toContain('assigned by the server');
  });

  test('quotes unusual unknown field names in the path', () => {
    const result = validateReservationImport({ name: 'g', reservations: [reservation('u', 'USER')], 'my field': 1 });
    expect(pathsOf(result.problems)).toEqual(['$["my field"]']);
  });

  test('requires non-empty strings', () => {
    const result = validateReservationImport({ name: '  ', reservations: [{ hostId: { value: '', type: 'USER' }, reservationEntries: [entry(' ')] }] });
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['$.name', 'emptyValue'],
      ['$.reservations[0].hostId.value', 'emptyValue'],
      ['$.reservations[0].reservationEntries[0].featureName', 'emptyValue'],
    ]);
  });

  test('reports missing fields and wrong types', () => {
    const result = validateReservationImport([
      { name: 5 },
      { reservations: {} },
      { reservations: [{ reservationEntries: [] }, 'x', { hostId: 'F01898AD8DD3', reservationEntries: [7] }] },
      'group',
    ]);
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['$[0].name', 'wrongType'],
      ['$[0].reservations', 'missingField'],
      ['$[1].reservations', 'wrongType'],
      ['$[2].reservations[0].hostId', 'missingField'],
      ['$[2].reservations[0].reservationEntries', 'emptyList'],
      ['$[2].reservations[1]', 'wrongType'],
      ['$[2].reservations[2].hostId', 'wrongType'],
      ['$[2].reservations[2].reservationEntries[0]', 'wrongType'],
      ['$[3]', 'wrongType'],
    ]);
  });

  test('rejects an empty posting and a group without reservations', () => {
    expect(validateReservationImport([]).problems).toMatchObject([{ path: '$', code: 'emptyList' }]);
    expect(validateReservationImport({ name: 'g', reservations: [] }).problems).toMatchObject([{ path: '$.reservations', code: 'emptyList' }]);
  });

  test('rejects a posting that is not an object or array', () => {
    expect(validateReservationImport(null).problems).toMatchObject([{ path: '$', code: 'wrongType' }]);
    expect(validateReservationImport('[]').problems).toMatchObject([{ path: '$', code: 'wrongType' }]);
  });

  test('checks host id types and ETHERNET values', () => {
    const result = validateReservationImport({
      name: 'g',
      reservations: [reservation('u', 'user'), reservation('F01898AD8DD'), reservation('GG1898AD8DD3'), reservation('f0:18:98:ad:8d:d3')],
    });
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['$.reservations[0].hostId.type', 'invalidHostIdType'],
      ['$.reservations[1].hostId.value', 'invalidHostIdValue'],
      ['$.reservations[2].hostId.value', 'invalidHostIdValue'],
    ]);
  });

  test('treats a null name as absent', () => {
    expect(validateReservationImport({ name: null, reservations: [reservation('u', 'USER')] }).groups).toEqual([{ reservations: [reservation('u', 'USER')] }]);
  });

  test('keeps Unicode names and values exactly', () => {
    const group = { name: 'Zoë Ω', reservations: [reservation('Zoë Ω', 'USER', [entry('Zoë Ω', '1.0', 1)])] };
    expect(validateReservationImport(group)).toEqual({ ok: true, groups: [group], problems: [] });
  });

  test('does not share objects with the input', () => {
    const group = { name: 'qa', reservations: [reservation('0A0B0C0D0E0F')] };
    const result = validateReservationImport(group);
    expect(result.groups[0]).not.toBe(group);
    expect(result.groups[0]?.reservations[0]?.hostId).not.toBe(group.reservations[0]?.hostId);
  });
});
