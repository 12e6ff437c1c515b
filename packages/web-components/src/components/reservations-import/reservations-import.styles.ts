import { css } from 'lit';
import { adminElementStyles } from '../../internal/admin-styles.js';

export default [
  ...adminElementStyles,
  css`
    .error-summary {
      color: var(--_ld-danger);
      font-weight: 600;
    }
    .success-summary {
      color: var(--_ld-success);
      font-weight: 600;
    }
    .preview {
      max-height: var(--ld-reservations-import-preview-max-height, 28rem);
      overflow: auto;
    }
    .problem .message {
      overflow-wrap: anywhere;
    }
    ld-code-view {
      margin-block: var(--_ld-space);
    }
  `,
];
