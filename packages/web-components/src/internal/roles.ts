/** The license server's roles. */
export const ROLES = [
  'ROLE_READ',
  'ROLE_RESERVATIONS',
  'ROLE_DROPCLIENT',
  'ROLE_OFFLINE',
  'ROLE_ADMIN',
  'ROLE_PRODUCER',
] as const;
export type Role = (typeof ROLES)[number];

/** True when `roles` holds `role` (administrators and producers are not implied to hold others). */
export function hasRole(roles: readonly string[] | null | undefined, role: Role): boolean {
  return !!roles && roles.includes(role);
}
