import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    /* minmax(0, …) lets wide tables scroll inside their own box instead of widening the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--ld-features-table-gap, 0.5rem);
  }
  .tab[aria-selected='true'] {
    box-shadow: inset 0 -2px 0 var(--ld-features-table-tab-accent, var(--_ld-accent));
  }
`;
