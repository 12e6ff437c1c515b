import type { EmulatorContext } from '../context.js';
import { ApiError, badRequest, conflict, forbidden, notFound } from '../errors.js';
import { requestPath, issueToken } from '../http/auth.js';
import { pageOf, sendList, slicePage } from '../http/paging.js';
import { checkPasswordRules, hashPassword, type Role } from '../store/users.js';
import type { RouteHandlers } from './types.js';

function weakPassword(name: string, details: ReturnType<typeof checkPasswordRules>): ApiError {
  return new ApiError(400, 'glsErr.weakPassword', 'The password does not meet the password rules.', { args: [name], details });
}

function isLastAdmin(ctx: EmulatorContext, name: string): boolean {
  const admins = ctx.users.list().filter((u) => u.roles.includes('ROLE_ADMIN'));
  return admins.length === 1 && admins[0]!.name === name;
}

export const handlers: RouteHandlers = {
  async authorize(ctx, request) {
    const { user, password } = request.body as { user: string; password: string };
    const ip = request.ip;
    ctx.security.throttle.check(user, ip);
    const found = await ctx.users.verify(user, password);
    if (!found) {
      ctx.security.throttle.fail(user, ip);
      ctx.log.warn({ user, ip }, 'login failed');
      throw new ApiError(401, 'glsErr.userAuthFailed', 'Bad credentials', { args: [requestPath(request), user] });
    }
    ctx.security.throttle.succeed(user, ip);
    const { token, expires } = await issueToken(ctx, ctx.security.secret, found);
    return { token, expires, passwordChangeRequired: found.passwordChangeRequired };
  },

  listUsers(ctx, request, reply) {
    const users = ctx.users.list();
    return sendList(reply, users.length, slicePage(users, pageOf(request)));
  },

  async createUser(ctx, request, reply) {
    const body = request.body as { name: string; password: string; roles?: Role[] };
    const roles = body.roles ?? ['ROLE_READ'];
    if (roles.includes('ROLE_PRODUCER') && !request.principal?.roles.includes('ROLE_PRODUCER')) {
      throw forbidden('glsErr.accessDenied', 'Only the producer may grant ROLE_PRODUCER.', [requestPath(request), 'ROLE_PRODUCER']);
    }
    if (ctx.users.get(body.name)) throw conflict('glsErr.userExists', `User ${body.name} already exists.`, undefined, [body.name]);
    const problems = checkPasswordRules(body.password);
    if (problems.length > 0) throw weakPassword(body.name, problems);
    const hash = await hashPassword(body.password);
    ctx.tx(() => {
      if (ctx.users.get(body.name)) throw conflict('glsErr.userExists', `User ${body.name} already exists.`, undefined, [body.name]);
      ctx.users.insert(body.name, hash, roles, false);
    });
    reply.code(201);
    return ctx.users.get(body.name);
  },

  deleteUser(ctx, request, reply) {
    const { userName } = request.params as { userName: string };
    if (!ctx.users.get(userName)) throw notFound('glsErr.unknownUser', `No user ${userName}.`, [userName]);
    if (isLastAdmin(ctx, userName)) {
      throw conflict('glsErr.lastAdmin', 'The last administrator cannot be deleted.', undefined, [userName]);
    }
    ctx.tx(() => ctx.users.remove(userName));
    reply.code(204).send();
  },

  async changePassword(ctx, request, reply) {
    const { userName } = request.params as { userName: string };
    const body = request.body as { currentPassword?: string; newPassword: string };
    const target = ctx.users.get(userName);
    if (!target) throw notFound('glsErr.unknownUser', `No user ${userName}.`, [userName]);
    const self = request.principal?.user === userName;
    if (self) {
      if (body.currentPassword === undefined) {
        throw badRequest('glsErr.invalidRequest', 'currentPassword is required to change your own password.', [
          { path: '$.currentPassword', message: 'is required' },
        ]);
      }
      if (!(await ctx.users.verify(userName, body.currentPassword))) {
        throw new ApiError(400, 'glsErr.userAuthFailed', 'Bad credentials', {
          args: [requestPath(request), userName],
          details: [{ path: '$.currentPassword', message: 'does not match the current password' }],
        });
      }
      if (body.newPassword === body.currentPassword) {
        throw weakPassword(userName, [{ path: '$.newPassword', message: 'must differ from the current password' }]);
      }
    }
    const problems = checkPasswordRules(body.newPassword, '$.newPassword');
    if (problems.length > 0) throw weakPassword(userName, problems);
    const hash = await hashPassword(body.newPassword);
    // An administrator setting someone else's password hands over a temporary one.
    ctx.tx(() => ctx.users.setPassword(userName, hash, !self));
    reply.code(204).send();
  },
};
