import { css } from 'lit';

/**
 * Styles every element shares. Private `--_ld-*` values read the theme tokens (`--ld-color-*`,
 * `--ld-font-*`, ...) with built-in fallbacks, so elements look right with or without
 * `themes/default.css`. Public component hooks (`--ld-<component>-<prop>`) are read by each
 * element's own styles and never declared here.
 */
export const baseStyles = css`
  :host {
    --_ld-font: var(--ld-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_ld-text: var(--ld-color-text, #1f2328);
    --_ld-muted: var(--ld-color-text-muted, #59636e);
    --_ld-surface: var(--ld-color-surface, #ffffff);
    --_ld-surface-alt: var(--ld-color-surface-alt, #f6f8fa);
    --_ld-border: var(--ld-color-border, #d1d9e0);
    --_ld-accent: var(--ld-color-accent, #0a5cc2);
    --_ld-accent-text: var(--ld-color-accent-contrast, #ffffff);
    --_ld-accent-hover: var(--ld-color-accent-hover, #084c9f);
    --_ld-danger: var(--ld-color-danger, #b3261e);
    --_ld-danger-surface: var(--ld-color-danger-surface, #fdecea);
    --_ld-danger-hover: var(--ld-color-danger-hover, #8c1d17);
    --_ld-warning: var(--ld-color-warning, #8a5300);
    --_ld-warning-surface: var(--ld-color-warning-surface, #fff4d6);
    --_ld-success: var(--ld-color-success, #1a7f37);
    --_ld-success-surface: var(--ld-color-success-surface, #e6f4ea);
    --_ld-info-surface: var(--ld-color-info-surface, #e8f1fc);
    --_ld-focus: var(--ld-color-focus, #0a5cc2);
    --_ld-radius: var(--ld-radius, 6px);
    --_ld-space: var(--ld-space, 0.5rem);
    font-family: var(--_ld-font);
    font-size: var(--ld-font-size, 0.9375rem);
    color: var(--_ld-text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_ld-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  /* A date or time never breaks in the middle. */
  .date {
    white-space: nowrap;
  }
`;

/** Button looks shared by the elements that have buttons. */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 2.25rem;
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--_ld-border);
    border-radius: var(--_ld-radius);
    background: var(--_ld-surface);
    color: var(--_ld-text);
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: var(--_ld-surface-alt);
  }
  .button.primary {
    background: var(--_ld-accent);
    border-color: var(--_ld-accent);
    color: var(--_ld-accent-text);
  }
  /* Variants restate their hover colours: the plain hover rule above is more specific than
     \`.button.primary\` and would otherwise paint a near-white background under white text. */
  .button.primary:hover:not(:disabled) {
    background: var(--_ld-accent-hover);
    border-color: var(--_ld-accent-hover);
    color: var(--_ld-accent-text);
  }
  .button.danger {
    color: var(--_ld-danger);
    border-color: var(--_ld-danger);
  }
  .button.danger:hover:not(:disabled) {
    background: var(--_ld-danger-surface);
    color: var(--_ld-danger);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .link-button {
    border: none;
    background: none;
    padding: 0;
    color: var(--_ld-accent);
    text-decoration: underline;
    cursor: pointer;
  }
`;

/** Form field looks shared by the form elements. */
export const fieldStyles = css`
  .field {
    display: grid;
    /* Rows keep their own height: a field beside a taller one (a hint under it) must not stretch
       its input or push it down out of line. */
    align-content: start;
    gap: 0.25rem;
    margin-block-end: 0.875rem;
  }
  .field label,
  .label {
    font-weight: 600;
  }
  .label-row {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  input[type='text'],
  input[type='password'],
  input[type='number'],
  input[type='search'],
  input[type='email'],
  input[type='url'],
  input[type='tel'],
  input[type='date'],
  input[type='datetime-local'],
  input[type='time'],
  input:not([type]),
  select {
    font: inherit;
    color: inherit;
    background: var(--_ld-surface);
    border: 1px solid var(--_ld-border);
    border-radius: var(--_ld-radius);
    padding: 0.375rem 0.5rem;
    min-height: 2.25rem;
    max-width: 100%;
  }
  input[type='search'] {
    appearance: none;
  }
  [aria-invalid='true'] {
    border-color: var(--_ld-danger);
  }
  .hint {
    color: var(--_ld-muted);
    font-size: 0.875em;
    margin: 0;
  }
  .error {
    color: var(--_ld-danger);
    font-size: 0.875em;
    margin: 0;
  }
  .warning {
    color: var(--_ld-warning);
    background: var(--_ld-warning-surface);
    border-radius: var(--_ld-radius);
    padding: 0.375rem 0.5rem;
    font-size: 0.875em;
    margin: 0;
  }
`;
