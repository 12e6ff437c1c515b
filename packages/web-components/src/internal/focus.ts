/**
 * Moves focus to an element after the next frame, so it happens once rendering has settled.
 * Headings and containers get `tabindex="-1"` so they can take focus without joining the tab order.
 */
export function focusSoon(element: HTMLElement | null | undefined, options: FocusOptions = {}): void {
  if (!element) return;
  requestAnimationFrame(() => element.focus(options));
}

/** Focuses the first element among `candidates` that is marked invalid; returns it. */
export function focusFirstInvalid(root: ParentNode): HTMLElement | null {
  const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
  return invalid;
}
