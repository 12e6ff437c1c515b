import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_ld-nav-width: var(--ld-nav-width, 16rem);
    --_ld-nav-current-bg: var(--ld-nav-current-background, var(--_ld-info-surface));
    --_ld-nav-current-color: var(--ld-nav-current-color, var(--_ld-accent));
  }
  .base {
    width: var(--_ld-nav-width);
    max-width: 100%;
    background: var(--ld-nav-background, var(--_ld-surface));
    color: var(--ld-nav-color, var(--_ld-text));
    padding: var(--ld-nav-padding, 0.5rem);
  }
  .toggle {
    display: none;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.5rem;
    width: 100%;
    padding: 0.375rem 0.75rem;
    border: 1px solid var(--_ld-border);
    border-radius: var(--_ld-radius);
    background: var(--_ld-surface);
    color: inherit;
    cursor: pointer;
    font-weight: 600;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .group + .group,
  .group + .item,
  .item + .group {
    margin-block-start: 0.5rem;
  }
  .group-label {
    display: block;
    padding: 0.375rem 0.75rem;
    font-size: 0.8125em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    color: var(--ld-nav-group-color, var(--_ld-muted));
  }
  .group ul a {
    padding-inline-start: 1.5rem;
  }
  a {
    display: block;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_ld-radius);
    color: inherit;
    text-decoration: none;
  }
  a:hover {
    background: var(--_ld-surface-alt);
  }
  a[aria-current='page'] {
    background: var(--_ld-nav-current-bg);
    color: var(--_ld-nav-current-color);
    font-weight: 700;
    box-shadow: inset 3px 0 0 var(--_ld-nav-current-color);
  }
  :host([narrow]) .base {
    width: 100%;
  }
  :host([narrow]) .toggle {
    display: inline-flex;
  }
  :host([narrow]) .lists[hidden] {
    display: none;
  }
  @media (max-width: 48rem) {
    :host(:not([wide])) .base {
      width: 100%;
    }
    :host(:not([wide])) .toggle {
      display: inline-flex;
    }
    :host(:not([wide])) .lists.collapsed {
      display: none;
    }
  }
`;
