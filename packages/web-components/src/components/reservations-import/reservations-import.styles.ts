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
