import { css } from 'lit';

export default css`
  .base {
    gap: var(--ld-device-details-gap, 0.5rem);
  }
  .fields {
    grid-template-columns: minmax(var(--ld-device-details-label-width, 9rem), max-content) minmax(0, 1fr);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ld-space);
  }
  .dialog {
    width: min(var(--ld-device-details-dialog-width, 32rem), calc(100vw - 2rem));
    border: 1px solid var(--_ld-border);
    border-radius: var(--_ld-radius);
    background: var(--_ld-surface);
    color: var(--_ld-text);
    padding: calc(var(--_ld-space) * 2);
  }
  .dialog::backdrop {
    background: var(--ld-device-details-backdrop, rgb(0 0 0 / 0.4));
  }
  .dialog-title {
    margin: 0 0 var(--_ld-space);
    font-size: 1.1rem;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_ld-space);
  }
  .button.danger-fill {
    background: var(--_ld-danger);
    border-color: var(--_ld-danger);
    color: var(--_ld-accent-text);
  }
  .button.danger-fill:hover:not(:disabled) {
    background: var(--_ld-danger-hover);
    border-color: var(--_ld-danger-hover);
    color: var(--_ld-accent-text);
  }
`;
