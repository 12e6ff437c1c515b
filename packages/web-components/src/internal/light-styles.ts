import type { CSSResult } from 'lit';

/**
 * Adopts a light-DOM element's stylesheet into the document or shadow root that holds it, once per
 * root (elements that render without a shadow root cannot carry their own styles).
 */
export function adoptLightStyles(element: Element, styles: CSSResult): void {
  const root = element.getRootNode() as Document | ShadowRoot;
  const sheet = styles.styleSheet;
  if (sheet && 'adoptedStyleSheets' in root) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  // Browsers without constructable stylesheets: one <style> per root.
  const host = root instanceof Document ? root.head : root;
  const marker = `ld-style-${element.localName}`;
  if (!host.querySelector(`style[data-${marker}]`)) {
    const style = document.createElement('style');
    style.setAttribute(`data-${marker}`, '');
    style.textContent = styles.cssText;
    host.append(style);
  }
}
