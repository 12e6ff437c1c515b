import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    /* minmax(0, …) lets wide tables scroll inside their own box instead of widening the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--ld-feature-details-gap, 0.5rem);
  }
  .fields {
    grid-template-columns: minmax(var(--ld-feature-details-label-width, 9rem), max-content) minmax(0, 1fr);
  }
`;
