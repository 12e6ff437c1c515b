import { unwrap, type CallOptions } from '../../internal/call.js';
import type { PasswordChange, User, UserCreate } from '../../types.js';
import { requestInit, type ResourceContext } from '../context.js';

/** Administrative user accounts (needs ROLE_ADMIN, except changing one's own password). */
export class UsersResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Lists user accounts with their roles. */
  async list(options?: CallOptions): Promise<User[]> {
    return unwrap(await this.#ctx.raw.GET('/users', requestInit(options))) ?? [];
  }

  /** Creates a user account. */
  async create(user: UserCreate, options?: CallOptions): Promise<User> {
    return unwrap(await this.#ctx.raw.POST('/users', { body: user, ...requestInit(options) }));
  }

  /** Sets a user's password (one's own needs `currentPassword`). */
  async changePassword(userName: string, change: PasswordChange, options?: CallOptions): Promise<void> {
    unwrap(
      await this.#ctx.raw.PUT('/users/{userName}/password', {
        params: { path: { userName } },
        body: change,
        ...requestInit(options),
      }),
    );
  }

  /** Deletes a user account (the last administrator cannot be deleted). */
  async delete(userName: string, options?: CallOptions): Promise<void> {
    unwrap(await this.#ctx.raw.DELETE('/users/{userName}', { params: { path: { userName } }, ...requestInit(options) }));
  }
}
