import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LdLoginRequiredEvent } from '../../events/auth.js';
import { LdRetryEvent } from '../../events/retry.js';
import { describeError, type ErrorView } from '../../internal/errors.js';
import { baseStyles, buttonStyles } from '../../internal/styles.js';
import styles from './status.styles.js';

/** Looks of a plain notice. */
export const STATUS_VARIANTS = ['info', 'success', 'warning', 'error'] as const;
export type StatusVariant = (typeof STATUS_VARIANTS)[number];

/**
 * @tagname ld-status
 * @summary Shows loading, empty and error states, and plain notices, so no view is ever blank.
 *
 * @description An error is described for people: 401 gives a login prompt, 403 "Access denied" with
 * what was denied, an unreachable server the address tried, anything else the server's message and
 * error key. Every value is rendered as text. Priority: error, then loading, then empty, then notice.
 *
 * @slot empty - Replaces the empty text.
 * @slot actions - Extra buttons shown with an error or notice.
 *
 * @event ld-login-required - A 401 was shown (`reason: "unauthorized"`, once per error), or the user
 *   pressed "Log in" (`reason: "user"`) or "Change password" (`reason: "password-change"`).
 * @event ld-retry - The user pressed "Try again" (only with `retryable`).
 *
 * @csspart base - The banner box.
 * @csspart title - The heading line.
 * @csspart message - The explanation.
 * @csspart key - The server's error key.
 * @csspart server-message - The server's own wording, when it adds to the explanation.
 * @csspart details - The list of problem details.
 * @csspart actions - The row of buttons.
 * @csspart login-button - The "Log in" button.
 * @csspart retry-button - The "Try again" button.
 * @csspart loading - The loading line.
 * @csspart spinner - The loading indicator.
 * @csspart empty - The empty-state box.
 *
 * @cssproperty --ld-status-padding - Inner padding of the banner.
 * @cssproperty --ld-status-radius - Corner radius.
 * @cssproperty --ld-status-gap - Space between lines.
 * @cssproperty --ld-status-margin - Space above and below.
 * @cssproperty --ld-status-background - Background of neutral banners.
 * @cssproperty --ld-status-color - Text color.
 * @cssproperty --ld-status-border-color - Border color of neutral banners.
 * @cssproperty --ld-status-error-background - Background of error banners.
 * @cssproperty --ld-status-error-border-color - Border color of error banners.
 */
export class LdStatus extends LitElement {
  static override styles = [baseStyles, buttonStyles, styles];

  /** The error to describe: an SDK error or anything thrown. */
  @property({ attribute: false })
  error: unknown = undefined;

  /** Shows the loading state. */
  @property({ type: Boolean, reflect: true })
  loading = false;

  /** Shows the empty state. */
  @property({ type: Boolean, reflect: true })
  empty = false;

  /** Text of the loading state. */
  @property({ attribute: 'loading-text' })
  loadingText = 'Loading…';

  /** Text of the empty state. */
  @property({ attribute: 'empty-text' })
  emptyText = 'Nothing to show.';

  /** What was being done, e.g. "view the features": used in "access denied" and login texts. */
  @property()
  operation = '';

  /** A plain notice shown when there is no error, loading or empty state. */
  @property()
  notice = '';

  /** Looks of the notice. */
  @property({ reflect: true })
  variant: StatusVariant = 'info';

  /** Offers a "Try again" button with errors that may pass (unreachable server, server errors). */
  @property({ type: Boolean })
  retryable = false;

  private announced: unknown = undefined;

  /** The description of the current error, or null. */
  get errorView(): ErrorView | null {
    if (this.error === undefined || this.error === null) return null;
    const view = describeError(this.error, this.operation || undefined);
    return view.kind === 'aborted' ? null : view;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('error')) {
      const view = this.errorView;
      if (view?.kind === 'unauthorized' && view.key !== 'glsErr.userAuthFailed' && this.announced !== this.error) {
        this.announced = this.error;
        this.dispatchEvent(new LdLoginRequiredEvent({ reason: 'unauthorized', ...this.operationDetail() }));
      }
    }
  }

  protected override render() {
    const view = this.errorView;
    if (view) return this.renderError(view);
    if (this.loading) {
      return html`<div part="loading" class="loading" role="status" aria-live="polite">
        <span part="spinner" class="spinner" aria-hidden="true"></span><span>${this.loadingText}</span>
      </div>`;
    }
    if (this.empty) {
      return html`<div part="base empty" class="base" role="status">
        <slot name="empty"><p part="message" class="message">${this.emptyText}</p></slot>
      </div>`;
    }
    if (this.notice) {
      const role = this.variant === 'error' || this.variant === 'warning' ? 'alert' : 'status';
      return html`<div part="base" class="base ${this.variant}" role=${role}>
        <p part="message" class="message">${this.notice}</p>
        <div part="actions" class="actions"><slot name="actions"></slot></div>
      </div>`;
    }
    return nothing;
  }

  private renderError(view: ErrorView) {
    const canRetry = this.retryable && (view.kind === 'unreachable' || view.kind === 'server' || view.kind === 'unexpected');
    const loginButton =
      view.kind === 'unauthorized' && view.key !== 'glsErr.userAuthFailed'
        ? html`<button part="login-button" class="button primary" type="button" @click=${this.handleLogin}>Log in</button>`
        : view.kind === 'password-change'
          ? html`<button part="login-button" class="button primary" type="button" @click=${this.handlePasswordChange}>
              Change password
            </button>`
          : nothing;
    const kindClass = view.kind === 'unauthorized' || view.kind === 'password-change' ? 'warning' : 'error';
    return html`<div part="base" class="base ${kindClass}" role="alert" data-kind=${view.kind}>
      <p part="title" class="title">${view.title}</p>
      <p part="message" class="message">${view.message}</p>
      ${view.serverMessage && view.serverMessage !== view.message
        ? html`<p part="server-message" class="message">The server said: ${view.serverMessage}</p>`
        : nothing}
      ${view.details?.length
        ? html`<ul part="details" class="details">
            ${view.details.map(
              (d) =>
                html`<li>
                  ${d.path ? html`<span class="key">${d.path}</span>: ` : nothing}${d.line !== undefined
                    ? html`<span class="key">line ${d.line}${d.column !== undefined ? `, column ${d.column}` : ''}</span>: `
                    : nothing}${d.message}
                </li>`,
            )}
          </ul>`
        : nothing}
      ${view.key ? html`<p part="key" class="key">Error key: ${view.key}${view.status ? ` (HTTP ${view.status})` : ''}</p>` : nothing}
      <div part="actions" class="actions">
        ${loginButton}
        ${canRetry
          ? html`<button part="retry-button" class="button" type="button" @click=${this.handleRetry}>Try again</button>`
          : nothing}
        <slot name="actions"></slot>
      </div>
    </div>`;
  }

  private operationDetail() {
    return this.operation ? { operation: this.operation } : {};
  }

  private handleLogin = () => {
    this.dispatchEvent(new LdLoginRequiredEvent({ reason: 'user', ...this.operationDetail() }));
  };

  private handlePasswordChange = () => {
    this.dispatchEvent(new LdLoginRequiredEvent({ reason: 'password-change', ...this.operationDetail() }));
  };

  private handleRetry = () => {
    this.dispatchEvent(new LdRetryEvent());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-status': LdStatus;
  }
}
