import { css } from 'lit';

export default css`
  .base {
    gap: var(--ld-devices-table-gap, 0.5rem);
  }
`;
