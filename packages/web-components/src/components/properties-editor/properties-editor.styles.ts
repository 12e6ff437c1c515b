import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_ld-props-gap: var(--ld-properties-editor-gap, 0.75rem);
  }
  .base {
    display: grid;
    gap: var(--_ld-props-gap);
  }
  h2 {
    margin: 0;
    font-size: 1.375em;
  }
  .intro {
    margin: 0;
    color: var(--_ld-muted);
  }
  section.group {
    border: 1px solid var(--ld-properties-editor-border-color, var(--_ld-border));
    border-radius: var(--_ld-radius);
    background: var(--ld-properties-editor-background, var(--_ld-surface));
  }
  h3 {
    margin: 0;
    font-size: 1.0625em;
  }
  .group-toggle {
    all: unset;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    width: 100%;
    padding: 0.75rem 1rem;
    cursor: pointer;
    font-weight: 700;
    background: var(--ld-properties-editor-header-background, var(--_ld-surface-alt));
    border-radius: var(--_ld-radius);
  }
  .group-toggle:focus-visible {
    outline: 2px solid var(--_ld-focus);
    outline-offset: -2px;
  }
  .chevron {
    display: inline-block;
    transition: transform 0.15s;
  }
  [aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }
  .group-count {
    margin-inline-start: auto;
    font-weight: 400;
    color: var(--_ld-muted);
    font-size: 0.875em;
  }
  .group-body {
    padding: 0.75rem 1rem 0.25rem;
  }
  .group-body[hidden] {
    display: none;
  }
  .setting {
    display: grid;
    gap: 0.25rem;
    padding-block: 0.5rem;
    border-bottom: 1px solid var(--_ld-border);
  }
  .setting:last-child {
    border-bottom: none;
  }
  .setting-name {
    font-family: var(--ld-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-size: 0.8125em;
    color: var(--_ld-muted);
    font-weight: 400;
  }
  .value {
    overflow-wrap: anywhere;
  }
  .readonly-note {
    font-size: 0.875em;
    color: var(--_ld-muted);
    margin: 0;
  }
  .checkbox {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 600;
  }
  .changed {
    font-size: 0.8125em;
    color: var(--_ld-accent);
  }
  dl.facts {
    display: grid;
    grid-template-columns: minmax(9rem, max-content) 1fr;
    gap: 0.375rem 1rem;
    margin: 0 0 0.75rem;
  }
  dt {
    font-weight: 600;
    color: var(--_ld-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  table.hostids {
    width: 100%;
    border-collapse: collapse;
    margin-block: 0.25rem 0.75rem;
  }
  table.hostids th,
  table.hostids td {
    text-align: start;
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_ld-border);
  }
  table.hostids caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25rem;
  }
  .mono {
    font-family: var(--ld-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
  }
  .badge {
    display: inline-block;
    padding: 0 0.375rem;
    border-radius: 999px;
    font-size: 0.75em;
    border: 1px solid var(--_ld-border);
  }
  .badge.warn {
    color: var(--_ld-warning);
    border-color: var(--_ld-warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    position: sticky;
    bottom: 0;
    padding: 0.5rem;
    border-top: 1px solid var(--_ld-border);
    background: var(--ld-properties-editor-actions-background, var(--_ld-surface));
  }
  .confirm {
    display: grid;
    gap: 0.375rem;
    margin-block-end: 0.75rem;
  }
`;
