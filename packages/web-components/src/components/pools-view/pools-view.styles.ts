import { css } from 'lit';
import { baseStyles, buttonStyles } from '../../internal/styles.js';
import { adminStyles } from '../../internal/admin-styles.js';

export default [
  baseStyles,
  buttonStyles,
  adminStyles,
  css`
    :host {
      display: block;
    }
    .tabs {
      display: flex;
      gap: 0.25rem;
      border-bottom: 1px solid var(--_ld-border);
      margin-block-end: var(--_ld-space);
    }
    .tab {
      border: 1px solid transparent;
      border-bottom: none;
      border-radius: var(--_ld-radius) var(--_ld-radius) 0 0;
      background: none;
      color: var(--_ld-text);
      padding: 0.5rem 1rem;
      cursor: pointer;
      margin-block-end: -1px;
    }
    .tab[aria-selected='true'] {
      border-color: var(--_ld-border);
      background: var(--_ld-surface);
      font-weight: 600;
      border-bottom: 1px solid var(--_ld-surface);
    }
    .pools {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--ld-pools-view-gap, 0.5rem);
    }
    .pool {
      border: 1px solid var(--_ld-border);
      border-radius: var(--_ld-radius);
      background: var(--ld-pools-view-pool-background, var(--_ld-surface));
    }
    .pool-heading {
      margin: 0;
      font-size: 1rem;
    }
    .pool-toggle {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      width: 100%;
      text-align: start;
      border: none;
      background: none;
      color: var(--_ld-text);
      padding: 0.625rem 0.75rem;
      cursor: pointer;
    }
    .pool-name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .pool-summary {
      color: var(--_ld-muted);
      font-weight: normal;
      margin-inline-start: auto;
    }
    .pool-body {
      padding: 0 0.75rem 0.75rem;
    }
    .hint {
      color: var(--_ld-muted);
    }
  `,
];
