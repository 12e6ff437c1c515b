import type { Position, Span } from './ast.js';
import { ModelSyntaxError, clip } from './errors.js';

/** The kinds of token in a model definition. */
export type TokenKind = 'string' | 'ident' | 'number' | 'punct' | 'comment' | 'eof';

/** One token of a model definition. */
export interface Token {
  kind: TokenKind;
  /**
   * The token's meaning: the decoded text of a string, the word of an identifier, the digits of a
   * number (`"10"`, `"1.0"`), the characters of punctuation (`"{"`, `"&&"`), the text of a comment.
   */
  value: string;
  span: Span;
}

const enum Ch {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  Hash = 35,
  Percent = 37,
  Amp = 38,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  Semicolon = 59,
  Backslash = 92,
  Underscore = 95,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
}

const SINGLE_PUNCT = new Set([Ch.LBrace, Ch.RBrace, Ch.LParen, Ch.RParen, Ch.Comma, Ch.Semicolon, Ch.Colon, Ch.Star, Ch.Bang, Ch.Percent]);

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const LETTER = /\p{L}/u;

function isIdentStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c) || c === Ch.Underscore) return true;
  return c > 127 && LETTER.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}

function isIdentPart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isIdentStart(text, i) || isDigit(c) || c === Ch.Minus || c === Ch.Dot;
}

/**
 * Splits model definition text into tokens on demand, tracking lines and columns. Comments are `//`
 * and `#` to the end of the line and `/* ... *\/`; strings are double-quoted with `\"` and `\\` as the
 * only escapes.
 */
export class Lexer {
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly keepComments = false,
  ) {}

  /** The position of an offset at or after the last token read. */
  position(offset = this.offset): Position {
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }

  private fail(message: string, start: Position, end: Position = { ...start, column: start.column + 1, offset: start.offset + 1 }): never {
    throw new ModelSyntaxError(message, { start, end });
  }

  private newline(at: number): void {
    this.line += 1;
    this.lineStart = at + 1;
  }

  /** Reads the next token, skipping white space (and comments unless they are kept). */
  next(): Token {
    const text = this.text;
    for (;;) {
      // White space.
      while (this.offset < text.length) {
        const c = text.charCodeAt(this.offset);
        if (c === Ch.Newline) this.newline(this.offset);
        else if (!(c === Ch.Space || c === Ch.Tab || c === Ch.Return || c === 0xfeff || c === 0xa0 || c === 0x0b || c === 0x0c)) break;
        this.offset++;
      }
      if (this.offset >= text.length) {
        const at = this.position();
        return { kind: 'eof', value: '', span: { start: at, end: at } };
      }
      const c = text.charCodeAt(this.offset);
      const next = text.charCodeAt(this.offset + 1);
      if (c === Ch.Hash || (c === Ch.Slash && next === Ch.Slash)) {
        const start = this.position();
        let end = text.indexOf('\n', this.offset);
        if (end < 0) end = text.length;
        const token: Token = { kind: 'comment', value: text.slice(this.offset, end), span: { start, end: this.position(end) } };
        this.offset = end;
        if (this.keepComments) return token;
        continue;
      }
      if (c === Ch.Slash && next === Ch.Star) {
        const start = this.position();
        const close = text.indexOf('*/', this.offset + 2);
        if (close < 0) this.fail('unterminated comment: "/*" has no closing "*/"', start, { ...start, column: start.column + 2, offset: start.offset + 2 });
        const end = close + 2;
        for (let i = this.offset; i < end; i++) if (text.charCodeAt(i) === Ch.Newline) this.newline(i);
        const value = text.slice(this.offset, end);
        this.offset = end;
        if (this.keepComments) return { kind: 'comment', value, span: { start, end: this.position() } };
        continue;
      }
      break;
    }
    const c = text.charCodeAt(this.offset);
    const start = this.position();
    if (c === Ch.Quote) return this.readString(start);
    if (isDigit(c)) return this.readNumber(start);
    if (isIdentStart(text, this.offset)) {
      let end = this.offset + 1;
      while (end < text.length && isIdentPart(text, end)) end++;
      return this.token('ident', text.slice(this.offset, end), start, end);
    }
    if (SINGLE_PUNCT.has(c)) return this.token('punct', text[this.offset] ?? '', start, this.offset + 1);
    if (c === Ch.Amp || c === Ch.Pipe) {
      const pair = text.slice(this.offset, this.offset + 2);
      if (pair === '&&' || pair === '||') return this.token('punct', pair, start, this.offset + 2);
      this.fail(`unexpected "${text[this.offset]}": write "${pair[0]}${pair[0]}"`, start);
    }
    const codePoint = String.fromCodePoint(text.codePointAt(this.offset) ?? c);
    this.fail(`unexpected character ${JSON.stringify(codePoint)}`, start);
  }

  private token(kind: TokenKind, value: string, start: Position, end: number): Token {
    this.offset = end;
    return { kind, value, span: { start, end: this.position(end) } };
  }

  private readNumber(start: Position): Token {
    const text = this.text;
    let end = this.offset;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) === Ch.Dot) {
      if (!isDigit(text.charCodeAt(end + 1))) {
        this.fail('invalid version: expected digits after "."', start, this.position(end + 1));
      }
      end++;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
      if (text.charCodeAt(end) === Ch.Dot) {
        this.fail(`invalid version "${clip(text.slice(this.offset, end))}.": a version is major or major.minor`, start, this.position(end + 1));
      }
    }
    if (end < text.length && isIdentStart(text, end)) {
      let last = end;
      while (last < text.length && isIdentPart(text, last)) last++;
      this.fail(`invalid number "${clip(text.slice(this.offset, last))}" (quote a feature name that starts with a digit)`, start, this.position(last));
    }
    return this.token('number', text.slice(this.offset, end), start, end);
  }

  private readString(start: Position): Token {
    const text = this.text;
    let i = this.offset + 1;
    let value = '';
    let chunk = i;
    for (;;) {
      if (i >= text.length || text.charCodeAt(i) === Ch.Newline) {
        this.fail('unterminated string: missing closing \'"\'', start, this.position(i));
      }
      const c = text.charCodeAt(i);
      if (c === Ch.Quote) break;
      if (c === Ch.Backslash) {
        const e = text.charCodeAt(i + 1);
        if (e !== Ch.Quote && e !== Ch.Backslash) {
          const shown = i + 1 < text.length ? text[i + 1] : '';
          this.fail(`unsupported escape "\\${shown}" in string: only \\" and \\\\ are allowed`, this.position(i), this.position(i + 2));
        }
        value += text.slice(chunk, i) + text[i + 1];
        i += 2;
        chunk = i;
        continue;
      }
      i++;
    }
    value += text.slice(chunk, i);
    return this.token('string', value, start, i + 1);
  }
}

/** The outcome of `tokenizeModel`. */
export interface TokenizeResult {
  tokens: Token[];
  /** The first lexical error, after which tokenising stopped. */
  error?: { message: string; span: Span };
}

/** Splits model definition text into tokens, comments included, for syntax highlighting; never throws. */
export function tokenizeModel(text: string): TokenizeResult {
  const lexer = new Lexer(text, true);
  const tokens: Token[] = [];
  try {
    for (;;) {
      const token = lexer.next();
      if (token.kind === 'eof') break;
      tokens.push(token);
    }
    return { tokens };
  } catch (error) {
    if (error instanceof ModelSyntaxError) return { tokens, error: { message: error.message, span: error.span } };
    throw error;
  }
}
