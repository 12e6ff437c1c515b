import { css } from 'lit';
import { baseStyles, buttonStyles, fieldStyles } from '../../internal/styles.js';
import { adminStyles } from '../../internal/admin-styles.js';

export default [
  baseStyles,
  buttonStyles,
  fieldStyles,
  adminStyles,
  css`
    :host {
      display: block;
    }
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
