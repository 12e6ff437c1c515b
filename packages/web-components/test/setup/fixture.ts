/** Mounting elements in the test page and checking them with axe. */
import { render, type TemplateResult } from 'lit';
import axe from 'axe-core';
import { expect } from 'vitest';

const containers = new Set<HTMLElement>();

/** Renders a template into a fresh container in the document and waits for the first element's update. */
export async function fixture<T extends Element = HTMLElement>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  container.dataset.testFixture = '';
  document.body.append(container);
  containers.add(container);
  render(template, container);
  const element = container.firstElementChild as T | null;
  if (!element) throw new Error('fixture rendered nothing');
  await settle(element);
  return element;
}

/** Waits for a Lit element (and one frame) to finish updating. */
export async function settle(element: Element): Promise<void> {
  const update = (element as { updateComplete?: Promise<unknown> }).updateComplete;
  if (update) await update;
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
}

/** Removes everything `fixture` added (registered as afterEach in browser-setup). */
export function cleanupFixtures(): void {
  for (const container of containers) container.remove();
  containers.clear();
}

/** Runs axe on an element (shadow roots included) and fails with a readable list of violations. */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const result = await axe.run(element, { resultTypes: ['violations'] });
  const problems = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' > ') + ' ' + n.failureSummary).join('\n  ')}`,
  );
  expect(problems, problems.join('\n')).toEqual([]);
}

/** The first element matching `selector` inside the element's shadow root (or the element itself). */
export function shadowQuery<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const root = element.shadowRoot ?? element;
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector} in <${element.localName}>`);
  return found;
}

/** Resolves with the next event of that type on the target. */
export function nextEvent<E extends Event = Event>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as E), { once: true }));
}
