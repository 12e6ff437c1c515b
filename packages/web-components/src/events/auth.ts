import { LdEvent } from './ld-event.js';

/** Who is signed in, as the elements report it. */
export interface LdAuthUser {
  user: string;
  roles: string[];
}

/** Detail of `ld-login`: the user now signed in and their roles. */
export type LdLoginDetail = LdAuthUser;

/** A user signed in (after any forced password change). */
export class LdLoginEvent extends LdEvent<LdLoginDetail> {
  static readonly eventName = 'ld-login' as const;
  constructor(detail: LdLoginDetail) {
    super(LdLoginEvent.eventName, detail);
  }
}

/** Why a login is needed. */
export const LOGIN_REQUIRED_REASONS = ['unauthorized', 'password-change', 'user'] as const;
export type LoginRequiredReason = (typeof LOGIN_REQUIRED_REASONS)[number];

/** Detail of `ld-login-required`. */
export interface LdLoginRequiredDetail {
  reason: LoginRequiredReason;
  /** What was being done when the server asked for credentials, when known. */
  operation?: string;
}

/** The server answered 401, or the user pressed a "Log in" prompt: the host should show a login. */
export class LdLoginRequiredEvent extends LdEvent<LdLoginRequiredDetail> {
  static readonly eventName = 'ld-login-required' as const;
  constructor(detail: LdLoginRequiredDetail) {
    super(LdLoginRequiredEvent.eventName, detail);
  }
}

/** Detail of `ld-logout`. */
export interface LdLogoutDetail {
  user: string | null;
}

/** The user signed out. */
export class LdLogoutEvent extends LdEvent<LdLogoutDetail> {
  static readonly eventName = 'ld-logout' as const;
  constructor(detail: LdLogoutDetail) {
    super(LdLogoutEvent.eventName, detail);
  }
}

/** Detail of `ld-auth-change`: the signed-in user, or null when signed out or the token is no longer accepted. */
export interface LdAuthChangeDetail {
  user: LdAuthUser | null;
  reason: 'login' | 'logout' | 'unauthorized' | 'client';
}

/** `<ld-provider>` reports a change of sign-in state of the client it provides. */
export class LdAuthChangeEvent extends LdEvent<LdAuthChangeDetail> {
  static readonly eventName = 'ld-auth-change' as const;
  constructor(detail: LdAuthChangeDetail) {
    super(LdAuthChangeEvent.eventName, detail);
  }
}
