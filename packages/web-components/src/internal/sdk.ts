/**
 * The SDK types the elements use (every type the SDK exports). Elements import SDK types from
 * here, so a change of SDK surface is handled in one place.
 */
export type * from '@licensedesk/sdk';
