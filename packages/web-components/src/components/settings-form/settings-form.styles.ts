import { css } from 'lit';

export default css`
  :host {
    display: block;
    max-width: var(--ld-settings-form-width, 36rem);
  }
  form {
    display: grid;
    /* One column that may shrink: long text wraps instead of pushing fields out of the card. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    padding: var(--ld-settings-form-padding, 1rem);
    border: 1px solid var(--ld-settings-form-border-color, var(--_ld-border));
    border-radius: var(--_ld-radius);
    background: var(--ld-settings-form-background, var(--_ld-surface));
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.25em;
  }
  fieldset.choice {
    border: none;
    margin: 0 0 0.875rem;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  legend {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.25rem;
  }
  .options {
    display: flex;
    gap: 1.25rem;
  }
  .options label {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-weight: 400;
  }
  .info-button {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border-radius: 50%;
    border: 1px solid var(--_ld-border);
    background: var(--_ld-surface);
    color: var(--_ld-accent);
    font-size: 0.8125em;
    font-weight: 700;
    cursor: pointer;
    padding: 0;
    line-height: 1;
  }
  .tip {
    margin: 0;
    padding: 0.375rem 0.5rem;
    border-radius: var(--_ld-radius);
    background: var(--ld-settings-form-tip-background, var(--_ld-info-surface));
    font-size: 0.875em;
  }
  .tip[hidden] {
    display: none;
  }
  .field,
  fieldset.choice {
    min-width: 0;
  }
  input {
    width: 100%;
    max-width: 100%;
  }
  input.short {
    width: 10rem;
  }
  .hint,
  .tip,
  .warning,
  .error {
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-block-start: 0.5rem;
  }
  .result {
    margin: 0;
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .result.saved {
    color: var(--_ld-success);
  }
  .result.error {
    color: var(--_ld-danger);
  }
`;
