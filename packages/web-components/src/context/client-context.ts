import { createContext } from '@lit/context';
import type { LicenseServerClient } from '../internal/sdk.js';

/**
 * The SDK client every element uses. The key is a global `Symbol.for`, so copies of this package
 * bundled separately into one page still find the same provider.
 */
export const clientContext = createContext<LicenseServerClient | undefined>(Symbol.for('licensedesk.client'));
