import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--ld-about-panel-gap, 1rem);
  }
  h2 {
    margin: 0;
    font-size: 1.375em;
  }
  section {
    padding: var(--ld-about-panel-padding, 1rem);
    border: 1px solid var(--ld-about-panel-border-color, var(--_ld-border));
    border-radius: var(--_ld-radius);
    background: var(--ld-about-panel-background, var(--_ld-surface));
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.0625em;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(9rem, max-content) 1fr;
    gap: 0.375rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
    color: var(--_ld-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .status-ok {
    color: var(--_ld-success);
    font-weight: 600;
  }
  .status-bad {
    color: var(--_ld-danger);
    font-weight: 600;
  }
`;
