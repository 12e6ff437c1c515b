import { describe, expect, test } from 'vitest';
import { parseModel } from '../../src/model/index.js';

/** Every message of a parse, errors and warnings. */
function messages(text: string): string[] {
  const result = parseModel(text);
  return [...result.errors, ...(result.warnings ?? [])].map((d) => d.message);
}

describe('parseModel: long tokens in messages', () => {
  const huge = 'x'.repeat(2_000_000);

  test.each([
    ['a one-line file of one huge word', huge],
    ['a huge word where the model keyword belongs', `${huge} "m" {}`],
    ['a huge string after the model', `model "m" { } "${huge}"`],
    ['a huge unquoted model name', `model ${huge} { }`],
    ['a huge number', `model "m" { partitions { partition "p" { "f" 1.0 ${'9'.repeat(100_000)}x } } }`],
    ['a huge undefined pool name', `model "m" { on any() { use "${huge}" accept } }`],
    ['a huge pool name defined twice', `model "m" { partitions { partition "${huge}" { "f" 1.0 1 } partition "${huge}" { "f" 1.0 1 } } on any() { use "${huge}" accept } }`],
  ])('quotes at most 40 characters of %s', (_name, text) => {
    const found = messages(text);
    expect(found.length).toBeGreaterThan(0);
    for (const message of found) expect(message.slice(0, 300), message.slice(0, 300)).toBe(message);
    expect(found.join('\n')).toContain('…');
  });

  test('keeps short tokens whole', () => {
    expect(messages('model "m" { } "tail"').join('\n')).toContain('"tail"');
  });
});
