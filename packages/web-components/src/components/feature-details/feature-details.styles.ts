import { css } from 'lit';

export default css`
  .base {
    gap: var(--ld-feature-details-gap, 0.5rem);
  }
  .fields {
    grid-template-columns: minmax(var(--ld-feature-details-label-width, 9rem), max-content) minmax(0, 1fr);
  }
`;
