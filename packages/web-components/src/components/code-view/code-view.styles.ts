import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

export default [
  baseStyles,
  css`
    :host {
      display: block;
      /* A long line scrolls inside the box; it never widens the page (flex or grid parent included). */
      min-width: 0;
      max-width: 100%;
    }
    .markers {
      list-style: none;
      margin: 0 0 var(--_ld-space);
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    .marker-button {
      display: block;
      width: 100%;
      text-align: start;
      border: 1px solid var(--_ld-border);
      border-inline-start: 4px solid var(--_ld-danger);
      border-radius: var(--_ld-radius);
      background: var(--_ld-danger-surface);
      color: var(--_ld-text);
      padding: 0.375rem 0.5rem;
      cursor: pointer;
      overflow-wrap: anywhere;
    }
    .marker.warning .marker-button {
      border-inline-start-color: var(--_ld-warning);
      background: var(--_ld-warning-surface);
    }
    .marker.info .marker-button {
      border-inline-start-color: var(--_ld-accent);
      background: var(--_ld-info-surface);
    }
    .where {
      font-weight: 600;
    }
    .code {
      max-height: var(--ld-code-view-max-height, 24rem);
      max-width: 100%;
      overflow: auto;
      contain: inline-size;
      border: 1px solid var(--_ld-border);
      border-radius: var(--_ld-radius);
      background: var(--_ld-surface-alt);
      font-family: var(--ld-code-view-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
      font-size: 0.875em;
      line-height: 1.5;
      padding-block: 0.25rem;
    }
    .line,
    .run {
      display: flex;
      white-space: pre;
      min-width: max-content;
    }
    .line.current {
      outline: 2px solid var(--_ld-focus);
      outline-offset: -2px;
    }
    .number {
      flex: none;
      width: 4.5ch;
      padding-inline-end: 1ch;
      text-align: end;
      color: var(--_ld-muted);
      user-select: none;
      border-inline-end: 1px solid var(--_ld-border);
      margin-inline-end: 1ch;
    }
    .line.error {
      background: var(--ld-code-view-error-background, var(--_ld-danger-surface));
    }
    .line.warning {
      background: var(--_ld-warning-surface);
    }
    .line.info {
      background: var(--ld-code-view-info-background, var(--_ld-info-surface));
    }
    .mark {
      background: none;
      color: inherit;
      text-decoration: underline wavy var(--_ld-danger);
      text-underline-offset: 3px;
    }
    .info .mark {
      text-decoration-color: var(--_ld-accent);
    }
    .message {
      font-family: var(--_ld-font);
      white-space: normal;
      overflow-wrap: anywhere;
      position: sticky;
      left: 0;
      padding: 0.25rem 0.5rem 0.25rem 6ch;
      color: var(--_ld-danger);
      background: var(--_ld-surface);
      border-block: 1px solid var(--_ld-border);
    }
    .message.info {
      color: var(--_ld-text);
    }
    .message.warning {
      color: var(--_ld-warning);
    }
  `,
];
