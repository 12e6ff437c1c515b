let counter = 0;

/** A document-unique id for label/aria wiring inside one shadow root or light-DOM element. */
export function uniqueId(prefix = 'ld'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
