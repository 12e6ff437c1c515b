/** Where in a text a JSON syntax error is: 1-based line and column (UTF-16 code units) and 0-based offset. */
export interface JsonSyntaxError {
  message: string;
  line: number;
  column: number;
  offset: number;
}

/** The outcome of `parseJsonWithLocation`. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

class JsonScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Turns a 0-based offset into a 1-based line and column. */
export function locateOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * A strict JSON scanner that only finds where a text stops being JSON; engines word `JSON.parse`
 * errors differently (and some give no position), so the location comes from here.
 */
function scanJson(text: string, start: number): void {
  let i = start;
  const describe = (at: number): string =>
    at >= text.length ? 'end of input' : JSON.stringify(text[at]);
  const fail = (message: string, at = i): never => {
    throw new JsonScanError(message, at);
  };
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const scanString = (): void => {
    const open = i;
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string', open);
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 10) fail('unterminated string: a line break comes before the closing quote', open);
      if (c < 32) fail('control character inside a string');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape: expected four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          fail(`invalid escape "\\${e ?? ''}" in string`);
        }
        continue;
      }
      i++;
    }
  };
  const scanNumber = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '-') fail(`invalid number`);
    i += match![0].length;
  };
  const scanValue = (depth: number): void => {
    if (depth > 5000) fail('nested too deeply');
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(i)}`);
        scanString();
        skipSpace();
        if (text[i] !== ':') fail(`expected ":" after the property name, found ${describe(i)}`);
        i++;
        scanValue(depth + 1);
        skipSpace();
        if (text[i] === ',') {
          const comma = i++;
          skipSpace();
          if (text[i] === '}') fail('trailing comma before "}"', comma);
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected "," or "}" after a property value, found ${describe(i)}`);
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        scanValue(depth + 1);
        skipSpace();
        if (text[i] === ',') {
          const comma = i++;
          skipSpace();
          if (text[i] === ']') fail('trailing comma before "]"', comma);
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected "," or "]" after an array element, found ${describe(i)}`);
      }
    }
    if (c === '"') return scanString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return scanNumber();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(i >= text.length ? 'unexpected end of input: expected a value' : `unexpected ${describe(i)}: expected a value`);
  };
  scanValue(0);
  skipSpace();
  if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
}

/** Parses JSON text, reporting a syntax error with its line and column instead of throwing. */
export function parseJsonWithLocation(text: string): JsonParseResult {
  // A byte-order mark is common in files saved by Windows editors; JSON.parse rejects it.
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    return { ok: true, value: JSON.parse(start ? text.slice(1) : text) as unknown };
  } catch (error) {
    let offset = 0;
    let message = error instanceof Error ? error.message : String(error);
    try {
      scanJson(text, start);
    } catch (scanError) {
      if (scanError instanceof JsonScanError) {
        offset = scanError.offset;
        message = scanError.message;
      } else if (scanError instanceof RangeError) {
        message = 'nested too deeply';
      }
    }
    return { ok: false, error: { message, offset, ...locateOffset(text, offset) } };
  }
}
