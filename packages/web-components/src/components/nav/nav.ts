import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LdNavigateEvent } from '../../events/navigate.js';
import { uniqueId } from '../../internal/ids.js';
import { baseStyles } from '../../internal/styles.js';
import styles from './nav.styles.js';

/** One link of the navigation. */
export interface LdNavItem {
  /** Identifies the view (`features`, `settings`, ...). */
  id: string;
  /** Link text. */
  label: string;
}

/** A group of links, or a single top-level link (`items` absent). */
export interface LdNavGroup {
  id: string;
  label: string;
  items?: LdNavItem[];
}

/** The manager's navigation as the product description groups it. */
export const DEFAULT_NAV_GROUPS: readonly LdNavGroup[] = Object.freeze([
  {
    id: 'configuration',
    label: 'License Manager Configuration',
    items: [
      { id: 'settings', label: 'Settings' },
      { id: 'about', label: 'About' },
    ],
  },
  {
    id: 'setup',
    label: 'License Server Setup',
    items: [
      { id: 'login', label: 'Login' },
      { id: 'properties', label: 'Properties' },
    ],
  },
  { id: 'features', label: 'Features' },
  { id: 'pools', label: 'Named License Pools' },
  { id: 'devices', label: 'Devices' },
  { id: 'reservations', label: 'Reservations' },
  {
    id: 'back-office',
    label: 'Back Office Operations',
    items: [
      { id: 'offline', label: 'Offline Server Updates' },
      { id: 'client-keys', label: 'Client Key Operations' },
    ],
  },
]);

/**
 * @tagname ld-nav
 * @summary The left navigation, grouped as the manager's views are; links use hrefs given by the host.
 *
 * @description The current item has `aria-current="page"`. On narrow screens (below 48rem, or
 * always with `narrow`) the list collapses behind a Menu button. Items without an href are left out.
 *
 * @event ld-navigate - A link was activated: `detail {id, href}`. Cancelable: call `preventDefault()`
 *   to route in a single-page app instead of following the link.
 *
 * @csspart base - The navigation landmark.
 * @csspart toggle - The Menu button shown on narrow screens.
 * @csspart list - Each list of links.
 * @csspart group - A group of links.
 * @csspart group-label - The label of a group.
 * @csspart item - Each list item.
 * @csspart link - Each link (the current one also has `current`).
 * @csspart current - The current link.
 *
 * @cssproperty --ld-nav-width - Width of the navigation.
 * @cssproperty --ld-nav-background - Background.
 * @cssproperty --ld-nav-color - Text color.
 * @cssproperty --ld-nav-padding - Inner padding.
 * @cssproperty --ld-nav-group-color - Color of group labels.
 * @cssproperty --ld-nav-current-background - Background of the current link.
 * @cssproperty --ld-nav-current-color - Text and marker color of the current link.
 */
export class LdNav extends LitElement {
  static override styles = [baseStyles, styles];

  /** The groups and links (defaults to the manager's views). */
  @property({ attribute: false })
  groups: readonly LdNavGroup[] = DEFAULT_NAV_GROUPS;

  /** Href of each item by id; items without an href are not shown. */
  @property({ attribute: false })
  hrefs: Readonly<Record<string, string>> = {};

  /** Id of the current view. */
  @property()
  current = '';

  /** Accessible name of the navigation landmark. */
  @property()
  label = 'License server manager';

  /** Always show the collapsible (Menu button) layout. */
  @property({ type: Boolean, reflect: true })
  narrow = false;

  /** Never collapse, even on narrow screens. */
  @property({ type: Boolean, reflect: true })
  wide = false;

  /** Whether the collapsible list is open. */
  @state()
  private open = false;

  private readonly listId = uniqueId('ld-nav-list');

  protected override render() {
    const visible = this.groups
      .map((group) => ({ ...group, items: group.items?.filter((item) => this.hrefs[item.id] !== undefined) }))
      .filter((group) => (group.items ? group.items.length > 0 : this.hrefs[group.id] !== undefined));
    return html`<nav part="base" class="base" aria-label=${this.label}>
      <button
        part="toggle"
        class="toggle"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.listId}
        @click=${this.handleToggle}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <div id=${this.listId} class="lists ${this.open ? '' : 'collapsed'}" ?hidden=${this.narrow && !this.open}>
        <ul part="list">
          ${visible.map((group) =>
            group.items
              ? html`<li part="group" class="group">
                  <span part="group-label" class="group-label" id=${`${this.listId}-${group.id}`}>${group.label}</span>
                  <ul part="list" aria-labelledby=${`${this.listId}-${group.id}`}>
                    ${group.items.map((item) => this.renderItem(item))}
                  </ul>
                </li>`
              : this.renderItem(group),
          )}
        </ul>
      </div>
    </nav>`;
  }

  private renderItem(item: LdNavItem) {
    const isCurrent = item.id === this.current;
    return html`<li part="item" class="item">
      <a
        part=${isCurrent ? 'link current' : 'link'}
        href=${this.hrefs[item.id] ?? nothing}
        aria-current=${isCurrent ? 'page' : nothing}
        data-id=${item.id}
        @click=${(event: MouseEvent) => this.handleClick(event, item)}
        >${item.label}</a
      >
    </li>`;
  }

  private handleToggle = () => {
    this.open = !this.open;
  };

  private handleClick(event: MouseEvent, item: LdNavItem): void {
    // Let the browser handle new-tab and download clicks.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const navigate = new LdNavigateEvent({ id: item.id, href: this.hrefs[item.id] });
    this.dispatchEvent(navigate);
    if (navigate.defaultPrevented) event.preventDefault();
    this.open = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-nav': LdNav;
  }
}
