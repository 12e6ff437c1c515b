import { css } from 'lit';
import { adminElementStyles } from '../../internal/admin-styles.js';

export default [
  ...adminElementStyles,
  css`
    .base {
      display: grid;
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
