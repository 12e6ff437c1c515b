import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_ld-pager-gap: var(--ld-pager-gap, 0.25rem);
  }
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding-block: var(--ld-pager-padding, 0.5rem);
  }
  .total {
    color: var(--_ld-muted);
    margin: 0;
  }
  ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ld-pager-gap);
    margin: 0;
    padding: 0;
  }
  button {
    min-width: 2.25rem;
    min-height: 2.25rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--ld-pager-border-color, var(--_ld-border));
    border-radius: var(--_ld-radius);
    background: var(--ld-pager-background, var(--_ld-surface));
    color: var(--_ld-text);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--_ld-surface-alt);
  }
  button[aria-current='page'] {
    background: var(--ld-pager-current-background, var(--_ld-accent));
    border-color: var(--ld-pager-current-background, var(--_ld-accent));
    color: var(--ld-pager-current-color, var(--_ld-accent-text));
    font-weight: 700;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .gap {
    padding-inline: 0.25rem;
    color: var(--_ld-muted);
  }
`;
