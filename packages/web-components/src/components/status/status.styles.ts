import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_ld-status-gap: var(--ld-status-gap, 0.5rem);
  }
  .base {
    display: grid;
    gap: var(--_ld-status-gap);
    padding: var(--ld-status-padding, 0.75rem 1rem);
    border-radius: var(--ld-status-radius, var(--_ld-radius));
    border: 1px solid var(--ld-status-border-color, var(--_ld-border));
    background: var(--ld-status-background, var(--_ld-surface-alt));
    color: var(--ld-status-color, var(--_ld-text));
    margin-block: var(--ld-status-margin, 0.5rem);
  }
  .base.error {
    border-color: var(--ld-status-error-border-color, var(--_ld-danger));
    background: var(--ld-status-error-background, var(--_ld-danger-surface));
  }
  .base.warning {
    border-color: var(--_ld-warning);
    background: var(--_ld-warning-surface);
  }
  .base.success {
    border-color: var(--_ld-success);
    background: var(--_ld-success-surface);
  }
  .base.info {
    background: var(--_ld-info-surface);
  }
  .title {
    margin: 0;
    font-weight: 700;
    font-size: 1em;
  }
  .message {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .key {
    font-family: var(--ld-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-size: 0.875em;
    color: var(--_ld-muted);
  }
  .details {
    margin: 0;
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .loading {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    color: var(--_ld-muted);
    padding: var(--ld-status-padding, 0.75rem 1rem);
  }
  .spinner {
    width: 1rem;
    height: 1rem;
    border: 2px solid var(--_ld-border);
    border-top-color: var(--_ld-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
