import { css } from 'lit';
import { adminElementStyles } from '../../internal/admin-styles.js';

export default [
  ...adminElementStyles,
  css`
    .base {
      display: grid;
      /* One column as wide as the view: a wide table scrolls inside its own box instead of widening the page. */
      grid-template-columns: minmax(0, 1fr);
      gap: var(--ld-reservations-view-gap, 0.5rem);
    }
    .toolbar {
      margin-block: 0;
    }
    .panel {
      border: 1px solid var(--_ld-border);
      border-radius: var(--_ld-radius);
      padding: calc(var(--_ld-space) * 2);
      background: var(--_ld-surface);
    }
    .pending-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    .pending-list li {
      display: flex;
      gap: var(--_ld-space);
      align-items: center;
    }
    a.button {
      text-decoration: none;
    }
    .hint {
      margin: 0;
    }
  `,
];
