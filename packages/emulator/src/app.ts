import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import { createContext, closeContext, type StartInfo } from './bootstrap.js';
import type { EmulatorContext, Logger } from './context.js';
import { ApiError } from './errors.js';
import { authorizeRequest } from './http/auth.js';
import { createResponseChecker } from './http/response-check.js';
import { loadSpec, readOperations, type OperationInfo } from './http/spec.js';
import { createAjv, invalidRequest } from './http/validation.js';
import type { EmulatorOptions } from './options.js';
import { allHandlers } from './routes/index.js';
import { checkEntriesJson, problemsToError } from './store/reservations.js';
import { validateReservationImport } from '@licensedesk/sdk';
import { checkActivationRequestBody } from './backoffice/service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    operationId?: string;
  }
}

/** Operations whose bodies the SDK's reservation rules check, so client and server report alike. */
const RESERVATION_BODIES: Record<string, (body: unknown) => ApiError | null> = {
  createReservationGroups: (body) => problemsToError(validateReservationImport(body).problems),
  replaceReservationGroup: (body) =>
    Array.isArray(body)
      ? new ApiError(400, 'glsErr.invalidReservation', 'Expected one reservation group, not an array.', {
          details: [{ path: '$', message: 'must be an object' }],
        })
      : problemsToError(validateReservationImport(body).problems),
  addReservationEntries: (body) => checkEntriesJson(body).error,
  // Not a reservation body, but checked the same way: a bad count is glsErr.invalidCount (C23).
  createActivationRequest: checkActivationRequestBody,
};

/** `$["licensing.borrowIntervalMax"]` or `$.x` -> the setting name. */
function settingName(path: string): string {
  const quoted = /^\$\[("(?:[^"\\]|\\.)*")\]/.exec(path);
  if (quoted) return JSON.parse(quoted[1]!) as string;
  const plain = /^\$\.([^.[]+)/.exec(path);
  return plain ? plain[1]! : path;
}

const SHORT_PREFIX = '/api/1.0/';
const CANONICAL_PREFIX = '/api/1.0/instances/';

/** Maps the short form `/api/1.0/<rest>` to `/api/1.0/instances/~/<rest>`. */
export function rewriteShortUrl(url: string): string {
  if (url.startsWith(SHORT_PREFIX) && !url.startsWith(CANONICAL_PREFIX) && url !== '/api/1.0/instances') {
    return `${CANONICAL_PREFIX}~/${url.slice(SHORT_PREFIX.length)}`;
  }
  return url;
}

export interface EmulatorApp {
  app: FastifyInstance;
  ctx: EmulatorContext;
  info: StartInfo;
}

function errorReply(reply: FastifyReply, error: ApiError): void {
  if (error.headers) for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
  reply.code(error.status).type('application/json; charset=utf-8').send(error.toBody());
}

function toApiError(error: any, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error;
  if (error?.validation) return invalidRequest(error.validation, error.validationContext ?? 'body');
  const status: number = typeof error?.statusCode === 'number' ? error.statusCode : 500;
  switch (error?.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'glsErr.unsupportedMediaType', `Unsupported content type ${request.headers['content-type'] ?? '(none)'}.`, {
        args: [String(request.headers['content-type'] ?? '')],
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'glsErr.payloadTooLarge', 'The request body is too large.', {});
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'glsErr.invalidRequest', 'The request body is empty.', { details: [{ path: '$', message: 'is required' }] });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'glsErr.invalidRequest', 'The request body is not valid JSON.', {
        details: [{ path: '$', message: String(error.message ?? 'invalid JSON') }],
      });
  }
  if (status >= 400 && status < 500) {
    return new ApiError(status, 'glsErr.invalidRequest', String(error?.message ?? 'Invalid request'), {});
  }
  return new ApiError(500, 'glsErr.internal', 'Internal server error.', {});
}

/**
 * Builds the fastify app for a server without listening: every route of the spec (through
 * fastify-openapi-glue), request validation by the spec, auth per `x-licensedesk-roles`, the
 * `{key, message, arguments, details}` error shape everywhere, and optional response checks.
 */
export async function createEmulatorApp(options: EmulatorOptions = {}): Promise<EmulatorApp> {
  const serverOptions = {
    logger: options.logger ?? false,
    rewriteUrl: (req: { url?: string }) => rewriteShortUrl(req.url ?? '/'),
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: false,
  };
  // The HTTPS and HTTP overloads of Fastify() return differently typed instances; routes and
  // hooks are the same on both, so the app is handled as one FastifyInstance from here on.
  const app: FastifyInstance = options.tls
    ? (Fastify({ ...serverOptions, https: { cert: options.tls.cert, key: options.tls.key } }) as unknown as FastifyInstance)
    : Fastify(serverOptions);

  const log: Logger = options.logger ? (app.log as unknown as Logger) : { info() {}, warn() {}, error() {}, debug() {} };
  const { ctx, info } = await createContext(options, log);
  app.addHook('onClose', async () => closeContext(ctx));

  const spec = loadSpec(ctx.paths.specFile);
  const operations = readOperations(spec);
  const byRoute = new Map<string, OperationInfo>();
  for (const op of operations.values()) byRoute.set(`${op.method} ${op.url}`, op);

  const ajvBody = createAjv({ coerce: false });
  const ajvParams = createAjv({ coerce: true });
  app.setValidatorCompiler(({ schema, method, url, httpPart }) => {
    const ajv = httpPart === 'body' ? ajvBody : ajvParams;
    const { $id: _id, ...rest } = schema as Record<string, unknown>;
    const validate = ajv.compile(rest);
    const op = byRoute.get(`${method} ${url}`);
    if (httpPart === 'body' && op?.operationId === 'updateSettings') {
      // Settings problems name the setting, as the PATCH's own checks do.
      return (data: unknown) => {
        if (validate(data)) return true;
        const error = invalidRequest(validate.errors ?? [], 'body');
        const details = (error.details ?? []).map((d) => ({ ...d, path: settingName(d.path ?? '') }));
        return {
          error: new ApiError(400, 'glsErr.invalidSetting', `Invalid settings: ${details.map((d) => d.path).join(', ')}.`, {
            args: details.map((d) => d.path),
            details,
          }),
        };
      };
    }
    const reservationCheck = httpPart === 'body' && op ? RESERVATION_BODIES[op.operationId] : undefined;
    if (!reservationCheck) return validate;
    return (data: unknown) => {
      const error = reservationCheck(data);
      if (error) return { error };
      if (validate(data)) return true;
      return { error: invalidRequest(validate.errors ?? [], 'body') };
    };
  });
  // Responses are written with JSON.stringify and checked against the spec separately, so that
  // nothing is silently dropped or coerced on the way out.
  app.setSerializerCompiler(() => (data: unknown) => JSON.stringify(data));

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  await app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  if (options.cors && options.cors.length > 0) {
    await app.register(cors, {
      origin: options.cors,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposedHeaders: ['X-Total-Count', 'Retry-After', 'Content-Disposition'],
      maxAge: 600,
    });
  }

  app.addHook('onRequest', async (request) => {
    const match = /^\/api\/1\.0\/instances\/([^/?#]+)/.exec(request.url);
    if (!match) return;
    let id = match[1]!;
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep as is
    }
    if (id !== '~' && id !== ctx.instanceId) {
      throw new ApiError(404, 'glsErr.unknownInstance', `No server instance ${id} here (this is ${ctx.instanceId}; use ~).`, {
        args: [id],
      });
    }
  });

  if (options.validateResponses) {
    const check = createResponseChecker(spec, operations, ctx.log);
    app.addHook('onSend', async (request, reply, payload) => check(request, reply, payload));
  }

  app.setErrorHandler((error, request, reply) => {
    const api = toApiError(error, request);
    if (api.status >= 500) ctx.log.error({ err: error, url: request.url }, 'request failed');
    errorReply(reply, api);
  });
  app.setNotFoundHandler((request, reply) => {
    errorReply(
      reply,
      new ApiError(404, 'glsErr.notFound', `No such resource: ${request.method} ${request.url.split('?')[0]}.`, {
        args: [request.url.split('?')[0]!],
      }),
    );
  });

  const handlers = allHandlers();
  await app.register(openapiGlue, {
    specification: spec,
    // The glue completes these partial route options with the method, URL and schemas of the
    // operation in the spec, which its type declaration does not express.
    operationResolver: (operationId: string) => {
      const op = operations.get(operationId);
      const handler = handlers[operationId];
      return {
        config: { operationId },
        preHandler: async (request: FastifyRequest) => {
          if (op) await authorizeRequest(ctx, ctx.security.secret, op, request);
        },
        handler: async (request: FastifyRequest, reply: FastifyReply) => {
          if (!handler) {
            throw new ApiError(501, 'glsErr.notImplemented', `Operation ${operationId} is not implemented by this emulator.`, {
              args: [operationId],
            });
          }
          const result = await handler(ctx, request, reply);
          if (reply.sent) return reply;
          return result;
        },
      } as unknown as RouteOptions;
    },
  });

  return { app, ctx, info };
}
