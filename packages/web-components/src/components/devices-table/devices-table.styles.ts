import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--ld-devices-table-gap, 0.5rem);
  }
`;
