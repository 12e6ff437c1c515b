import { css } from 'lit';

export default css`
  .base {
    gap: var(--ld-features-table-gap, 0.5rem);
  }
  .tab[aria-selected='true'] {
    box-shadow: inset 0 -2px 0 var(--ld-features-table-tab-accent, var(--_ld-accent));
  }
`;
