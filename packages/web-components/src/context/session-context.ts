import { createContext } from '@lit/context';
import type { LdAuthUser } from '../events/auth.js';

/** Sign-in state below a provider: the user and roles, or null when nobody is signed in. */
export const sessionContext = createContext<LdAuthUser | null>(Symbol.for('licensedesk.session'));
