/**
 * Finds where values sit in a JSON text, by the JSON paths the SDK's validators report
 * (`$[1].reservations[0].reservationEntries[2].featureCount`), so problems can be shown at their
 * line and column. Only for text that already parsed as JSON.
 */

/** A 1-based line and column in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

function memberPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Maps the JSON path of every value in `text` to the offset where the value starts; for object
 * members the offset of the member's name is kept too, under the path followed by `#key`.
 */
export function jsonPathOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const space = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    space();
    offsets.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        const keyAt = i;
        const key = string();
        const child = memberPath(path, key);
        offsets.set(`${child}#key`, keyAt);
        space();
        i++; // ':'
        value(child);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // '}'
        return;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // ']'
        return;
      }
    }
    if (c === '"') {
      string();
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  try {
    value('$');
  } catch {
    // Not JSON after all: keep whatever was found.
  }
  return offsets;
}

/** Offsets where each line of a text starts, for fast offset-to-position lookups. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Turns an offset into a 1-based line and column, given the text's `lineStarts`. */
export function positionAt(starts: readonly number[], offset: number): TextPosition {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/**
 * Where a JSON path is in the text. A path to a member that is missing points at the object that
 * should hold it; a path that was never there points at its nearest existing ancestor.
 */
export function locateJsonPath(offsets: Map<string, number>, starts: readonly number[], path: string): TextPosition | null {
  let current = path;
  for (;;) {
    const at = offsets.get(`${current}#key`) ?? offsets.get(current);
    if (at !== undefined) return positionAt(starts, at);
    const parent = current.replace(/(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\])$/, '');
    if (parent === current || parent === '') return null;
    current = parent;
  }
}
