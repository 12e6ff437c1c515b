import { css } from 'lit';
import { baseStyles, buttonStyles, fieldStyles } from './styles.js';

/**
 * Looks shared by the administrative views (reservations, pools, model, offline updates, client
 * key): sections, data tables and result lists. Public hooks stay in each element's own styles.
 */
export const adminStyles = css`
  .title {
    font-size: 1.25rem;
    margin: 0 0 var(--_ld-space);
  }
  .subtitle {
    font-size: 1.05rem;
    margin: calc(var(--_ld-space) * 2) 0 var(--_ld-space);
  }
  .section {
    border: 1px solid var(--_ld-border);
    border-radius: var(--_ld-radius);
    padding: calc(var(--_ld-space) * 2);
    margin-block-end: calc(var(--_ld-space) * 2);
    background: var(--_ld-surface);
  }
  .section > h2,
  .section > h3 {
    margin-top: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ld-space);
    align-items: center;
    margin-block: var(--_ld-space);
  }
  .button.small {
    min-height: 1.75rem;
    padding: 0.125rem 0.5rem;
    font-size: 0.875em;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  .table th,
  .table td {
    text-align: start;
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_ld-border);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .table th {
    background: var(--_ld-surface-alt);
    font-weight: 600;
  }
  .table .number {
    text-align: end;
  }
  .badge {
    display: inline-block;
    padding: 0 0.375rem;
    border-radius: 999px;
    font-size: 0.8125em;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .badge.ok {
    color: var(--_ld-success);
    background: var(--_ld-surface);
  }
  .badge.bad {
    color: var(--_ld-danger);
    background: var(--_ld-danger-surface);
  }
  .badge.warn {
    color: var(--_ld-warning);
    background: var(--_ld-warning-surface);
  }
  .problems {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .problems li {
    margin-block: 0.25rem;
  }
  .where {
    font-weight: 600;
  }
  code,
  .mono {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.875em;
  }
  .notice {
    border: 1px solid var(--_ld-border);
    border-inline-start: 4px solid var(--_ld-warning);
    background: var(--_ld-warning-surface);
    border-radius: var(--_ld-radius);
    padding: var(--_ld-space) calc(var(--_ld-space) * 1.5);
    margin-block: var(--_ld-space);
  }
  .notice p {
    margin: 0.25rem 0;
  }
  input[type='file'] {
    font: inherit;
    max-width: 100%;
  }
`;

/**
 * The style sheets an administrative view with forms starts from (client key, model editor,
 * offline updates, reservations view, form and import): shared looks plus a block host. Each
 * element appends its own sheet with its `--ld-<element>-*` hooks.
 */
export const adminElementStyles = [
  baseStyles,
  buttonStyles,
  fieldStyles,
  adminStyles,
  css`
    :host {
      display: block;
    }
  `,
];
