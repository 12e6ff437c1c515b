/**
 * Registers a custom element unless the tag is already taken, so a second copy of this package in
 * a host portal (or a second import of a define entry) never throws. When another class already
 * owns the tag, nothing is replaced.
 */
export function defineElement(tagName: string, elementClass: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get(tagName)) customElements.define(tagName, elementClass);
}
