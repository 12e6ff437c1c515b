import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_ld-table-border: var(--ld-data-table-border-color, var(--_ld-border));
    --_ld-table-header-bg: var(--ld-data-table-header-background, var(--_ld-surface-alt));
    --_ld-table-row-hover: var(--ld-data-table-row-hover-background, var(--_ld-info-surface));
    --_ld-table-cell-padding: var(--ld-data-table-cell-padding, 0.5rem 0.75rem);
    --_ld-table-truncate-width: var(--ld-data-table-truncate-width, 18em);
  }
  .base {
    overflow-x: auto;
    border: 1px solid var(--_ld-table-border);
    border-radius: var(--ld-data-table-radius, var(--_ld-radius));
    background: var(--ld-data-table-background, var(--_ld-surface));
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding: var(--_ld-table-cell-padding);
  }
  th,
  td {
    padding: var(--_ld-table-cell-padding);
    border-bottom: 1px solid var(--_ld-table-border);
    text-align: start;
    vertical-align: top;
  }
  th {
    background: var(--_ld-table-header-bg);
    font-weight: 600;
    white-space: nowrap;
  }
  td.end,
  th.end {
    text-align: end;
  }
  tbody tr:last-child td {
    border-bottom: none;
  }
  tbody tr.row {
    cursor: pointer;
  }
  tbody tr.row:hover,
  tbody tr.row:focus-within {
    background: var(--_ld-table-row-hover);
  }
  tbody tr.row:focus-visible {
    outline: 2px solid var(--_ld-focus);
    outline-offset: -2px;
  }
  .sort-button {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    font-weight: 600;
  }
  .sort-button:focus-visible {
    outline: 2px solid var(--_ld-focus);
    outline-offset: 2px;
  }
  .sort-indicator {
    color: var(--_ld-muted);
    font-size: 0.8em;
  }
  .long {
    display: flex;
    align-items: flex-start;
    gap: 0.25rem;
    max-width: calc(var(--_ld-table-truncate-width) + 4rem);
  }
  .truncate {
    display: inline-block;
    max-width: var(--_ld-table-truncate-width);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .truncate.expanded {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .cell-button {
    flex: none;
    border: 1px solid var(--_ld-table-border);
    border-radius: var(--_ld-radius);
    background: var(--_ld-surface);
    color: var(--_ld-text);
    font-size: 0.75em;
    line-height: 1.4;
    padding: 0 0.375rem;
    cursor: pointer;
  }
  .empty td {
    color: var(--_ld-muted);
    text-align: center;
    padding: 1rem;
    cursor: default;
  }
  .more {
    margin: 0;
    padding: var(--_ld-table-cell-padding);
    color: var(--_ld-muted);
    font-size: 0.875em;
  }
  .button.small {
    min-height: 1.75rem;
    padding: 0.125rem 0.5rem;
    font-size: 0.875em;
  }
  /* Dates and times never break in the middle. */
  td.date,
  .date {
    white-space: nowrap;
  }
`;
