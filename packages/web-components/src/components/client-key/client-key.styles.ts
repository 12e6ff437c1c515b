import { css } from 'lit';
import { adminElementStyles } from '../../internal/admin-styles.js';

export default [
  ...adminElementStyles,
  css`
    .base {
      display: grid;
      gap: var(--ld-client-key-gap, 0.75rem);
    }
    .section {
      margin: 0;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0 0 var(--_ld-space);
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
    }
    .fingerprint {
      overflow-wrap: anywhere;
    }
    .confirm {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ld-space);
      align-items: center;
      padding: var(--_ld-space);
      border: 1px solid var(--_ld-danger);
      border-radius: var(--_ld-radius);
      background: var(--_ld-danger-surface);
    }
    .result.failed {
      border: 1px solid var(--_ld-danger);
      border-inline-start-width: 4px;
      border-radius: var(--_ld-radius);
      background: var(--_ld-danger-surface);
      padding: var(--_ld-space) calc(var(--_ld-space) * 1.5);
    }
    .result-title {
      font-weight: 600;
    }
    .upload-result:focus {
      outline: none;
    }
  `,
];
