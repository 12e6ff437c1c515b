import { css } from 'lit';

/**
 * The login form renders in light DOM (so password managers see its fields), so these rules are
 * adopted by the document or shadow root that holds the element, scoped by the tag name and
 * `ld-login-*` classes. Public hooks are read, never declared.
 */
export default css`
  ld-login-form {
    display: block;
    font-family: var(--ld-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--ld-color-text, #1f2328);
    max-width: var(--ld-login-form-width, 26rem);
  }
  ld-login-form[hidden] {
    display: none !important;
  }
  ld-login-form .ld-login {
    display: grid;
    gap: 0.875rem;
    padding: var(--ld-login-form-padding, 1rem);
    border: 1px solid var(--ld-login-form-border-color, var(--ld-color-border, #d1d9e0));
    border-radius: var(--ld-radius, 6px);
    background: var(--ld-login-form-background, var(--ld-color-surface, #ffffff));
  }
  ld-login-form .ld-login-heading {
    margin: 0;
    font-size: 1.25em;
  }
  ld-login-form .ld-login-heading:focus {
    outline: none;
  }
  ld-login-form .ld-login-field {
    display: grid;
    gap: 0.25rem;
  }
  ld-login-form label {
    font-weight: 600;
  }
  ld-login-form input {
    font: inherit;
    color: inherit;
    background: var(--ld-color-surface, #ffffff);
    border: 1px solid var(--ld-color-border, #d1d9e0);
    border-radius: var(--ld-radius, 6px);
    padding: 0.375rem 0.5rem;
    min-height: 2.25rem;
    width: 100%;
    box-sizing: border-box;
  }
  ld-login-form input[readonly] {
    background: var(--ld-color-surface-alt, #f6f8fa);
  }
  ld-login-form input[aria-invalid='true'] {
    border-color: var(--ld-color-danger, #b3261e);
  }
  ld-login-form .ld-login-password {
    display: flex;
    gap: 0.375rem;
  }
  ld-login-form .ld-login-error {
    margin: 0;
    color: var(--ld-color-danger, #b3261e);
    font-size: 0.875em;
  }
  ld-login-form .ld-login-hint,
  ld-login-form .ld-login-rules {
    margin: 0;
    color: var(--ld-color-text-muted, #59636e);
    font-size: 0.875em;
  }
  ld-login-form .ld-login-rules {
    padding-inline-start: 1.25rem;
  }
  ld-login-form .ld-login-message {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--ld-radius, 6px);
    border: 1px solid var(--ld-color-danger, #b3261e);
    background: var(--ld-color-danger-surface, #fdecea);
    overflow-wrap: anywhere;
  }
  ld-login-form .ld-login-message.warning {
    border-color: var(--ld-color-warning, #8a5300);
    background: var(--ld-color-warning-surface, #fff4d6);
  }
  ld-login-form .ld-login-message-title {
    display: block;
    font-weight: 700;
  }
  ld-login-form .ld-login-actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
  }
  ld-login-form button {
    font: inherit;
    min-height: 2.25rem;
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--ld-color-border, #d1d9e0);
    border-radius: var(--ld-radius, 6px);
    background: var(--ld-color-surface, #ffffff);
    color: inherit;
    cursor: pointer;
    white-space: nowrap;
  }
  ld-login-form button.ld-login-primary {
    background: var(--ld-login-form-button-background, var(--ld-color-accent, #0a5cc2));
    border-color: var(--ld-login-form-button-background, var(--ld-color-accent, #0a5cc2));
    color: var(--ld-login-form-button-color, var(--ld-color-accent-contrast, #ffffff));
  }
  ld-login-form button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  ld-login-form :focus-visible {
    outline: 2px solid var(--ld-color-focus, #0a5cc2);
    outline-offset: 2px;
  }
`;
