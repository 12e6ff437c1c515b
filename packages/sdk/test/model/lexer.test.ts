import { describe, expect, test } from 'vitest';
import { tokenizeModel } from '../../src/model/index.js';

function kinds(text: string): string[] {
  const result = tokenizeModel(text);
  if (result.error) throw new Error(result.error.message);
  return result.tokens.map((t) => `${t.kind}:${t.value}`);
}

describe('tokenizeModel', () => {
  test('splits strings, identifiers, numbers and punctuation', () => {
    expect(kinds('partition "p1" { f1 1.0 50% }')).toEqual([
      'ident:partition',
      'string:p1',
      'punct:{',
      'ident:f1',
      'number:1.0',
      'number:50',
      'punct:%',
      'punct:}',
    ]);
  });

  test('reads the operators && || ! and the dictionary punctuation', () => {
    expect(kinds('!a && b || dictionary("k":*)')).toEqual([
      'punct:!',
      'ident:a',
      'punct:&&',
      'ident:b',
      'punct:||',
      'ident:dictionary',
      'punct:(',
      'string:k',
      'punct::',
      'punct:*',
      'punct:)',
    ]);
  });

  test('keeps all three comment styles as tokens for highlighting', () => {
    expect(kinds('a // one\n# two\n/* three\n four */ b')).toEqual(['ident:a', 'comment:// one', 'comment:# two', 'comment:/* three\n four */', 'ident:b']);
  });

  test('tracks lines and columns across comments and CRLF line ends', () => {
    const { tokens } = tokenizeModel('/* x\r\n y */ a\r\n  "b"');
    expect(tokens.map((t) => [t.value, t.span.start.line, t.span.start.column])).toEqual([
      ['/* x\r\n y */', 1, 1],
      ['a', 2, 7],
      ['b', 3, 3],
    ]);
  });

  test('decodes the escapes \\" and \\\\ in strings', () => {
    expect(kinds(String.raw`"a\"b\\c"`)).toEqual(['string:a"b\\c']);
  });

  test('keeps Unicode in strings and bare names', () => {
    expect(kinds('"Zoë Ω" Zoë')).toEqual(['string:Zoë Ω', 'ident:Zoë']);
  });

  test('allows - and . inside bare names', () => {
    expect(kinds('com.acme.f1-beta')).toEqual(['ident:com.acme.f1-beta']);
  });

  test.each([
    ['"abc', 'unterminated string', 1, 1],
    ['x "ab\n"', 'unterminated string', 1, 3],
    ['"a\\u0020"', 'unsupported escape "\\u"', 1, 3],
    ['a /* never closed', 'unterminated comment', 1, 3],
    ['a & b', 'write "&&"', 1, 3],
    ['a | b', 'write "||"', 1, 3],
    ['1.', 'invalid version', 1, 1],
    ['1.0.0', 'major or major.minor', 1, 1],
    ['\n  3dview', 'invalid number "3dview"', 2, 3],
    ['a @ b', 'unexpected character "@"', 1, 3],
  ])('reports %j as %s at %d:%d', (text, message, line, column) => {
    const result = tokenizeModel(text);
    expect(result.error?.message).toContain(message);
    expect(result.error?.span.start).toMatchObject({ line, column });
  });
});
