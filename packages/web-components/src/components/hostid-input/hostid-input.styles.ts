import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
  }
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--ld-hostid-input-gap, 0.5rem);
  }
  .part {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  input {
    font-family: var(--ld-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    width: var(--ld-hostid-input-width, 16rem);
  }
  :host([disabled]) .base,
  .base.disabled {
    opacity: 0.6;
  }
  .error {
    flex-basis: 100%;
  }
`;
