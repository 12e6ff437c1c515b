import { css } from 'lit';
import { adminElementStyles } from '../../internal/admin-styles.js';

export default [
  ...adminElementStyles,
  css`
    .base {
      display: grid;
      gap: var(--ld-offline-updates-gap, 0.75rem);
    }
    .section {
      margin: 0;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0 1rem;
    }
    .progress-row {
      display: flex;
      gap: var(--_ld-space);
      align-items: center;
    }
    progress {
      inline-size: 12rem;
    }
    .result {
      border: 1px solid var(--_ld-border);
      border-radius: var(--_ld-radius);
      padding: var(--_ld-space) calc(var(--_ld-space) * 1.5);
      margin-block: var(--_ld-space);
    }
    .result.done {
      border-inline-start: 4px solid var(--_ld-success);
    }
    .result.failed {
      border-inline-start: 4px solid var(--_ld-danger);
      background: var(--_ld-danger-surface);
    }
    .result-title {
      font-weight: 600;
    }
    .caption {
      text-align: start;
      font-weight: 600;
      padding-block: 0.25rem;
    }
  `,
];
