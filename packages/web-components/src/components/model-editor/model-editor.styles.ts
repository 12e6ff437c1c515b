import { css } from 'lit';
import { adminElementStyles } from '../../internal/admin-styles.js';

export default [
  ...adminElementStyles,
  css`
    .base {
      display: grid;
      gap: var(--ld-model-editor-gap, 0.75rem);
    }
    .status {
      margin: 0;
    }
    .error-summary {
      color: var(--_ld-danger);
      font-weight: 600;
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
    .eval-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0 1rem;
    }
    .host-field {
      grid-column: 1 / -1;
    }
    .rule-text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    a.button {
      text-decoration: none;
    }
    .upload-result:focus {
      outline: none;
    }
  `,
];
