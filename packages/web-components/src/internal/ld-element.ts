import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { clientContext } from '../context/client-context.js';
import { DEFAULT_MANAGER_OPTIONS, managerOptionsContext, type ManagerOptions } from '../context/manager-options-context.js';
import { sessionContext } from '../context/session-context.js';
import type { LdAuthUser } from '../events/auth.js';
import type { LicenseServerClient } from './sdk.js';
import { hasRole, type Role } from './roles.js';

/**
 * Base of the elements that talk to the license server. The SDK client comes from the nearest
 * `<ld-provider>` (context) or is set directly on the element's `client` property, so every
 * element also works alone in a plain page.
 */
export class LdElement extends LitElement {
  /** The SDK client; given by an `<ld-provider>` above, or set directly. */
  @consume({ context: clientContext, subscribe: true })
  @property({ attribute: false })
  client?: LicenseServerClient;

  /** Manager options (page size, device drop) from an `<ld-provider>` above. */
  @consume({ context: managerOptionsContext, subscribe: true })
  @state()
  protected managerOptions: ManagerOptions = DEFAULT_MANAGER_OPTIONS;

  /** Sign-in state from an `<ld-provider>` above (undefined without one). */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected providedSession?: LdAuthUser | null;

  /** Roles of the signed-in user: from the provider, else from the client's own session. */
  protected get roles(): readonly string[] {
    if (this.providedSession) return this.providedSession.roles;
    return this.client?.session?.roles ?? [];
  }

  /** True when the signed-in user holds the role. */
  protected hasRole(role: Role): boolean {
    return hasRole(this.roles, role);
  }
}
