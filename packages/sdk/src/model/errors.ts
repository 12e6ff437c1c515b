import type { Position, Span } from './ast.js';

/** The error key the server answers an invalid model definition with. */
export const INVALID_MODEL_KEY = 'glsErr.invalidModel' as const;

/** Something legal but probably unintended in a model definition, at a place in its text. */
export interface ModelWarning {
  /** 1-based line of the start of the offending text. */
  line: number;
  /** 1-based column (UTF-16 code units) of the start of the offending text. */
  column: number;
  /** Line and column just past the offending text, for highlighting. */
  endLine: number;
  endColumn: number;
  message: string;
}

/** A problem that makes a model definition invalid, at a place in its text. */
export interface ModelError extends ModelWarning {
  key: typeof INVALID_MODEL_KEY;
}

/** Thrown inside the lexer and parser for the first syntax error; `parseModel` turns it into a `ModelError`. */
export class ModelSyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
    this.name = 'ModelSyntaxError';
  }
}

/** Builds a model warning for a span. */
export function modelWarning(span: Span, message: string): ModelWarning {
  return {
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    message,
  };
}

/** Builds a model error for a span. */
export function modelError(span: Span, message: string): ModelError {
  return { ...modelWarning(span, message), key: INVALID_MODEL_KEY };
}

/** Orders diagnostics by where they are in the text. */
export function byPosition(a: { line: number; column: number }, b: { line: number; column: number }): number {
  return a.line - b.line || a.column - b.column;
}

/** A zero-width span at a position. */
export function pointSpan(position: Position): Span {
  return { start: position, end: position };
}

/** Longest piece of the definition's text a message quotes; longer tokens are cut with "…". */
export const QUOTE_LIMIT = 40;

/**
 * Shortens a piece of the definition's text for a message, so a huge token (a 2 MB line) never
 * makes a huge message: at most `max` characters, then "…". Never splits a surrogate pair.
 */
export function clip(text: string, max = QUOTE_LIMIT): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
