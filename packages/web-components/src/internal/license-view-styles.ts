import { css } from 'lit';

/**
 * Looks shared by the feature and device views (lists and detail pages): heading row, search
 * form, tabs and the field list of a detail page. Public hooks stay in each element's own styles.
 */
export const licenseViewStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    /* minmax(0, …) lets wide tables scroll inside their own box instead of widening the page. */
    grid-template-columns: minmax(0, 1fr);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ld-space);
    margin-block-end: var(--_ld-space);
  }
  .heading {
    font-size: 1.25rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .subheading {
    font-size: 1.05rem;
    margin: calc(var(--_ld-space) * 2) 0 var(--_ld-space);
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_ld-space);
    margin-block-end: var(--_ld-space);
  }
  .search .field {
    display: grid;
    gap: 0.25rem;
  }
  .search label {
    font-weight: 600;
  }
  .search input {
    min-width: min(18rem, 100%);
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    border-bottom: 1px solid var(--_ld-border);
    margin-block-end: var(--_ld-space);
  }
  .tab {
    font: inherit;
    color: var(--_ld-muted);
    background: none;
    border: 1px solid transparent;
    border-bottom: none;
    border-radius: var(--_ld-radius) var(--_ld-radius) 0 0;
    padding: 0.375rem 0.875rem;
    margin-block-end: -1px;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    color: var(--_ld-text);
    background: var(--_ld-surface);
    border-color: var(--_ld-border);
    font-weight: 600;
  }
  .fields {
    display: grid;
    grid-template-columns: minmax(9rem, max-content) minmax(0, 1fr);
    gap: 0.375rem calc(var(--_ld-space) * 2);
    margin: 0 0 calc(var(--_ld-space) * 2);
  }
  .field-row {
    display: contents;
  }
  .fields dt {
    font-weight: 600;
  }
  .fields dd {
    margin: 0;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .note {
    color: var(--_ld-muted);
    font-size: 0.875em;
  }
  .long-text {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.375rem;
    min-width: 0;
  }
  .long-text .value {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .long-text .value.clipped {
    display: inline-block;
    max-width: min(40ch, 100%);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: bottom;
  }
  .small-button {
    font: inherit;
    font-size: 0.8125rem;
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--_ld-border);
    border-radius: var(--_ld-radius);
    background: var(--_ld-surface);
    color: var(--_ld-text);
    cursor: pointer;
  }
  .selectors {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .selectors li {
    overflow-wrap: anywhere;
  }
`;
