/** Tells whether a whole string matches a glob pattern where `*` is any run of characters and `?` any one character. */
export function matchesGlob(pattern: string, text: string): boolean {
  // Iterative matcher with single backtrack point: linear for typical patterns, never exponential.
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      starP = p++;
      starT = t;
    } else if (c !== undefined && (c === '?' || c === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
