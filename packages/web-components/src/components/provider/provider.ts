import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { clientContext } from '../../context/client-context.js';
import { DEFAULT_PAGE_SIZE, managerOptionsContext, type ManagerOptions } from '../../context/manager-options-context.js';
import { sessionContext } from '../../context/session-context.js';
import {
  LdAuthChangeEvent,
  LdLoginEvent,
  LdLoginRequiredEvent,
  LdLogoutEvent,
  type LdAuthChangeDetail,
  type LdAuthUser,
} from '../../events/auth.js';
import type { LicenseServerClient, Session } from '../../internal/sdk.js';
import styles from './provider.styles.js';

/**
 * @tagname ld-provider
 * @summary Gives an SDK client, the manager options and the sign-in state to every element inside it.
 *
 * @slot - The elements that use the client.
 *
 * @event ld-auth-change - The sign-in state changed: `detail {user: {user, roles} | null, reason}`.
 *   Fired after an `ld-login` or `ld-logout` from inside, after a 401 seen inside (`ld-login-required`)
 *   while signed in, and when a new `client` is set.
 */
export class LdProvider extends LitElement {
  static override styles = styles;

  /** The SDK client from `createLicenseServerClient`, shared with everything inside. */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client?: LicenseServerClient;

  /** Records per page for the paged views inside. */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = DEFAULT_PAGE_SIZE;

  /** Whether the Devices view inside offers removing a device. */
  @property({ type: Boolean, attribute: 'allow-device-drop' })
  allowDeviceDrop = false;

  @provide({ context: managerOptionsContext })
  @state()
  protected options: ManagerOptions = { pageSize: DEFAULT_PAGE_SIZE, allowDeviceDrop: false };

  @provide({ context: sessionContext })
  @state()
  protected session: LdAuthUser | null = null;

  /** Who is signed in through the provided client, or null. */
  get user(): LdAuthUser | null {
    return this.session;
  }

  private unsubscribe?: () => void;

  constructor() {
    super();
    this.addEventListener(LdLoginEvent.eventName, this.handleLogin);
    this.addEventListener(LdLogoutEvent.eventName, this.handleLogout);
    this.addEventListener(LdLoginRequiredEvent.eventName, this.handleLoginRequired);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Signs out of the provided client and tells everything inside. */
  async logout(): Promise<void> {
    const user = this.session?.user ?? null;
    try {
      await this.client?.logout();
    } finally {
      this.dispatchEvent(new LdLogoutEvent({ user }));
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pageSize') || changed.has('allowDeviceDrop')) {
      const pageSize = Number.isInteger(this.pageSize) && this.pageSize > 0 ? this.pageSize : DEFAULT_PAGE_SIZE;
      this.options = { pageSize, allowDeviceDrop: this.allowDeviceDrop };
    }
    if (changed.has('client')) {
      this.subscribe();
      this.setSession(sessionOf(this.client?.session), 'client', changed.get('client') !== undefined || !!this.client);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const client = this.client;
    if (!client || !this.isConnected || typeof client.onSessionChange !== 'function') return;
    this.unsubscribe = client.onSessionChange((session) => {
      this.setSession(sessionOf(session), session ? 'login' : 'logout');
    });
  }

  /** Sets the provided session and announces it when who is signed in (or their roles) changed. */
  private setSession(next: LdAuthUser | null, reason: LdAuthChangeDetail['reason'], force = false): void {
    const previous = this.session;
    const same =
      previous === next ||
      (previous !== null && next !== null && previous.user === next.user && previous.roles.join() === next.roles.join());
    if (same && !force) return;
    this.session = next;
    this.dispatchEvent(new LdAuthChangeEvent({ user: next, reason }));
  }

  private handleLogin = (event: LdLoginEvent): void => {
    this.setSession({ user: event.detail.user, roles: [...event.detail.roles] }, 'login');
  };

  private handleLogout = (): void => {
    this.setSession(null, 'logout');
  };

  private handleLoginRequired = (event: LdLoginRequiredEvent): void => {
    if (event.detail.reason !== 'unauthorized') return;
    this.setSession(null, 'unauthorized');
  };
}

function sessionOf(session: Session | null | undefined): LdAuthUser | null {
  if (!session || session.passwordChangeRequired) return null;
  return { user: session.user, roles: [...session.roles] };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-provider': LdProvider;
  }
}
