import { css } from 'lit';
import { adminElementStyles } from '../../internal/admin-styles.js';

export default [
  ...adminElementStyles,
  css`
    .entry {
      border: 1px solid var(--_ld-border);
      border-radius: var(--_ld-radius);
      padding: var(--_ld-space) calc(var(--_ld-space) * 1.5);
      margin: 0;
    }
    .entry legend {
      font-weight: 600;
      padding-inline: 0.25rem;
    }
    .entry-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      gap: 0 var(--ld-reservation-form-gap, 1rem);
      align-items: start;
    }
    tr.refused td {
      background: var(--ld-reservation-form-error-background, var(--_ld-danger-surface));
    }
  `,
];
