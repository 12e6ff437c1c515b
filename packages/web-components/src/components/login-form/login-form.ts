import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LdLoginEvent, LdLogoutEvent } from '../../events/auth.js';
import { describeError } from '../../internal/errors.js';
import { focusSoon } from '../../internal/focus.js';
import { uniqueId } from '../../internal/ids.js';
import { LdElement } from '../../internal/ld-element.js';
import { adoptLightStyles } from '../../internal/light-styles.js';
import { isInsecureRemote } from '../../internal/network.js';
import type { Session } from '../../internal/sdk.js';
import styles from './login-form.styles.js';

/** The steps of the form. */
export const LOGIN_STEPS = ['login', 'change-password', 'signed-in'] as const;
export type LoginStep = (typeof LOGIN_STEPS)[number];

/** Password rules shown in the change-password step (the license server has the last word). */
export const PASSWORD_RULES = [
  '8 to 30 characters',
  'an upper-case and a lower-case letter',
  'a digit',
  'one of the special characters ( ^ * $ - + ? _ & = ! % { } / # )',
  'no spaces',
] as const;

type FieldName = 'user' | 'password' | 'newPassword' | 'confirmPassword';

interface Problem {
  title: string;
  message: string;
  tone: 'error' | 'warning';
}

/**
 * @tagname ld-login-form
 * @summary The Login view: User Name, Password (with a show control), Clear and Login; the forced
 * password change at first login; logs in through the SDK client.
 *
 * @description Renders into its own children (light DOM, no shadow root) so password managers find
 * the fields (`autocomplete="username"` / `"current-password"` / `"new-password"`). Enter submits
 * once. Rejected credentials show "Credentials rejected" with how to get the password reset; too
 * many attempts show how long to wait; an unreachable server shows the address tried. Styling: the
 * classes `ld-login`, `ld-login-heading`, `ld-login-field`, `ld-login-message`, `ld-login-actions`,
 * `ld-login-primary` and the custom properties below (parts do not apply in light DOM).
 *
 * @event ld-login - Signed in (after any required password change): `detail {user, roles}`.
 * @event ld-logout - The user signed out from the signed-in state: `detail {user}`.
 *
 * @cssproperty --ld-login-form-width - Maximum width.
 * @cssproperty --ld-login-form-padding - Inner padding.
 * @cssproperty --ld-login-form-background - Background.
 * @cssproperty --ld-login-form-border-color - Border color.
 * @cssproperty --ld-login-form-button-background - Background of the Login button.
 * @cssproperty --ld-login-form-button-color - Text color of the Login button.
 */
export class LdLoginForm extends LdElement {
  /** User name to start with. */
  @property()
  user = '';

  /** Heading of the login step. */
  @property()
  heading = 'Log in to the license server';

  /** Focus the heading when the form appears (for a view that was navigated to). */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  /** The step shown. */
  @state()
  step: LoginStep = 'login';

  @state()
  private busy = false;

  @state()
  private problem: Problem | null = null;

  @state()
  private errors: Partial<Record<FieldName, string>> = {};

  @state()
  private showPassword = false;

  /** The password just used, kept only between the login and the forced change. */
  private currentPassword = '';
  private readonly uid = uniqueId('ld-login');

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightStyles(this, styles);
  }

  /** Empties the fields and messages of the current step. */
  clear(): void {
    for (const input of this.querySelectorAll<HTMLInputElement>('input:not([readonly])')) input.value = '';
    this.errors = {};
    this.problem = null;
    this.input('user')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') && this.step !== 'change-password') {
      const session = this.client?.session;
      this.step = session && !session.passwordChangeRequired ? 'signed-in' : 'login';
    }
  }

  protected override firstUpdated(): void {
    if (this.focusOnLoad) focusSoon(this.querySelector<HTMLElement>('.ld-login-heading'));
  }

  protected override render() {
    return this.step === 'change-password'
      ? this.renderChangePassword()
      : this.step === 'signed-in'
        ? this.renderSignedIn()
        : this.renderLogin();
  }

  private renderLogin() {
    const id = this.uid;
    const insecure = this.client ? isInsecureRemote(this.client.baseUrl) : false;
    return html`<form class="ld-login" novalidate aria-labelledby="${id}-heading" @submit=${this.handleLogin}>
      <h2 class="ld-login-heading" id="${id}-heading" tabindex="-1">${this.heading}</h2>
      ${this.renderProblem()}
      ${insecure
        ? html`<p class="ld-login-message warning" id="${id}-insecure">
            <span class="ld-login-message-title">Not encrypted</span>
            The password will travel over plain http to ${new URL(this.client!.baseUrl).host}. Use HTTPS for a license
            server on another machine.
          </p>`
        : nothing}
      ${this.renderField('user', 'User Name', html`<input
        id="${id}-user"
        name="username"
        type="text"
        autocomplete="username"
        autocapitalize="none"
        spellcheck="false"
        required
        aria-required="true"
        .value=${this.user}
        aria-invalid=${this.errors.user ? 'true' : 'false'}
        aria-describedby=${this.errors.user ? `${id}-user-error` : nothing}
        ?disabled=${this.busy}
      />`)}
      ${this.renderField('password', 'Password', this.renderPasswordInput('password', 'current-password'))}
      <div class="ld-login-actions">
        <button type="button" ?disabled=${this.busy} @click=${() => this.clear()}>Clear</button>
        <button class="ld-login-primary" type="submit" ?disabled=${this.busy}>${this.busy ? 'Logging in…' : 'Login'}</button>
      </div>
    </form>`;
  }

  private renderChangePassword() {
    const id = this.uid;
    const user = this.client?.session?.user ?? this.user;
    return html`<form class="ld-login" novalidate aria-labelledby="${id}-heading" @submit=${this.handleChangePassword}>
      <h2 class="ld-login-heading" id="${id}-heading" tabindex="-1">Choose a new password</h2>
      <p class="ld-login-hint">The license server asks ${user} to choose a new password before anything else.</p>
      ${this.renderProblem()}
      <div class="ld-login-field">
        <label for="${id}-account">User Name</label>
        <input id="${id}-account" name="username" type="text" autocomplete="username" readonly .value=${user} />
      </div>
      ${this.renderField('newPassword', 'New password', this.renderPasswordInput('newPassword', 'new-password', `${id}-rules`))}
      ${this.renderField('confirmPassword', 'Confirm new password', this.renderPasswordInput('confirmPassword', 'new-password'))}
      <div id="${id}-rules">
        <p class="ld-login-hint">The new password needs:</p>
        <ul class="ld-login-rules">
          ${PASSWORD_RULES.map((rule) => html`<li>${rule}</li>`)}
        </ul>
      </div>
      <div class="ld-login-actions">
        <button type="button" ?disabled=${this.busy} @click=${this.handleCancelChange}>Cancel</button>
        <button class="ld-login-primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>`;
  }

  private renderSignedIn() {
    const session = this.client?.session;
    return html`<div class="ld-login" role="group" aria-labelledby="${this.uid}-heading">
      <h2 class="ld-login-heading" id="${this.uid}-heading" tabindex="-1">Logged in</h2>
      <p class="ld-login-hint" role="status">
        Logged in as ${session?.user ?? ''}${session?.roles.length ? ` (${session.roles.join(', ')})` : ''}.
      </p>
      <div class="ld-login-actions">
        <button type="button" @click=${this.handleLogout}>Log out</button>
      </div>
    </div>`;
  }

  private renderField(name: FieldName, label: string, control: unknown) {
    const error = this.errors[name];
    return html`<div class="ld-login-field">
      <label for="${this.uid}-${name}">${label}</label>
      ${control}
      ${error ? html`<p class="ld-login-error" id="${this.uid}-${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderPasswordInput(name: FieldName, autocomplete: string, describedBy?: string) {
    const error = this.errors[name];
    const ids = [error ? `${this.uid}-${name}-error` : '', describedBy ?? ''].filter(Boolean).join(' ');
    const showId = `${this.uid}-${name}`;
    return html`<div class="ld-login-password">
      <input
        id=${showId}
        name=${name === 'password' ? 'password' : name}
        type=${this.showPassword ? 'text' : 'password'}
        autocomplete=${autocomplete}
        autocapitalize="none"
        spellcheck="false"
        required
        aria-required="true"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ids || nothing}
        ?disabled=${this.busy}
      />
      ${name === 'confirmPassword'
        ? nothing
        : html`<button
            type="button"
            aria-pressed=${this.showPassword ? 'true' : 'false'}
            aria-controls=${showId}
            ?disabled=${this.busy}
            @click=${this.handleToggleShow}
          >
            Show password
          </button>`}
    </div>`;
  }

  private renderProblem() {
    if (!this.problem) return nothing;
    return html`<p class="ld-login-message ${this.problem.tone}" role="alert">
      <span class="ld-login-message-title">${this.problem.title}</span>${this.problem.message}
    </p>`;
  }

  private input(name: FieldName): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`#${this.uid}-${name}`);
  }

  private focusFirstInvalid(order: FieldName[]): void {
    const first = order.find((name) => this.errors[name]);
    if (first) this.input(first)?.focus();
  }

  private showError(error: unknown): void {
    const view = describeError(error, 'log in');
    this.problem = {
      title: view.title,
      message: ` ${view.message}`,
      tone: view.kind === 'rate-limited' ? 'warning' : 'error',
    };
  }

  private handleToggleShow = () => {
    this.showPassword = !this.showPassword;
  };

  private handleLogin = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const user = this.input('user')?.value ?? '';
    const password = this.input('password')?.value ?? '';
    const errors: Partial<Record<FieldName, string>> = {};
    if (user.trim() === '') errors.user = 'Enter the user name.';
    if (password === '') errors.password = 'Enter the password.';
    this.errors = errors;
    this.problem = null;
    if (Object.keys(errors).length > 0) {
      await this.updateComplete;
      this.focusFirstInvalid(['user', 'password']);
      return;
    }
    if (!this.client) {
      this.problem = { title: 'Not connected', message: ' No license server client was given to this form.', tone: 'error' };
      return;
    }
    this.busy = true;
    try {
      const session = await this.client.login(user.trim(), password);
      this.user = user.trim();
      if (session.passwordChangeRequired) {
        this.currentPassword = password;
        this.showPassword = false;
        this.step = 'change-password';
        await this.updateComplete;
        this.input('newPassword')?.focus();
        return;
      }
      this.finish(session);
    } catch (error) {
      this.showError(error);
      await this.updateComplete;
      const field = this.input('password');
      if (field) {
        field.value = '';
        field.focus();
      }
    } finally {
      this.busy = false;
    }
  };

  private handleChangePassword = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy || !this.client) return;
    const next = this.input('newPassword')?.value ?? '';
    const confirm = this.input('confirmPassword')?.value ?? '';
    const errors: Partial<Record<FieldName, string>> = {};
    if (next === '') errors.newPassword = 'Enter a new password.';
    else if (next === this.currentPassword) errors.newPassword = 'Choose a password different from the current one.';
    if (confirm === '') errors.confirmPassword = 'Enter the new password again.';
    else if (next !== '' && confirm !== next) errors.confirmPassword = 'The two passwords differ.';
    this.errors = errors;
    this.problem = null;
    if (Object.keys(errors).length > 0) {
      await this.updateComplete;
      this.focusFirstInvalid(['newPassword', 'confirmPassword']);
      return;
    }
    this.busy = true;
    try {
      const session = await this.client.changePassword(this.currentPassword, next);
      this.currentPassword = '';
      this.finish(session);
    } catch (error) {
      const view = describeError(error, 'change the password');
      if (view.kind === 'server' && view.details?.length) {
        this.errors = { newPassword: view.details.map((d) => d.message).join('; ') };
        this.problem = { title: 'Password not accepted', message: ` ${view.message}`, tone: 'error' };
        await this.updateComplete;
        this.input('newPassword')?.focus();
      } else {
        this.showError(error);
      }
    } finally {
      this.busy = false;
    }
  };

  private handleCancelChange = async (): Promise<void> => {
    this.currentPassword = '';
    await this.client?.logout();
    this.errors = {};
    this.problem = null;
    this.step = 'login';
  };

  private handleLogout = async (): Promise<void> => {
    const user = this.client?.session?.user ?? null;
    await this.client?.logout();
    this.step = 'login';
    this.dispatchEvent(new LdLogoutEvent({ user }));
    await this.updateComplete;
    this.querySelector<HTMLElement>('.ld-login-heading')?.focus();
  };

  private finish(session: Session): void {
    this.errors = {};
    this.problem = null;
    this.step = 'signed-in';
    this.dispatchEvent(new LdLoginEvent({ user: session.user, roles: [...session.roles] }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-login-form': LdLoginForm;
  }
}
