import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../context.js';
import type { ErrorDetail } from '../errors.js';
import { dereference, type OpenApiDocument, type OperationInfo } from './spec.js';
import { createAjv, toDetails, type ValidateFunction } from './validation.js';

/**
 * Checks each response against the spec: the status must be declared (undeclared error statuses
 * pass when the body is a valid `Error`), the content type must be one the operation lists, a
 * JSON body must match its schema and a body-less response must be empty. A mismatch replaces
 * the response with 500 `glsErr.responseInvalid`, so tests fail loudly.
 */
export function createResponseChecker(doc: OpenApiDocument, operations: Map<string, OperationInfo>, log: Logger) {
  const ajv = createAjv({ coerce: false });
  const cache = new Map<string, ValidateFunction>();
  const errorSchema = dereference(doc, { $ref: '#/components/schemas/Error' });
  const validateError = ajv.compile(errorSchema);

  function validator(key: string, schema: unknown): ValidateFunction {
    let v = cache.get(key);
    if (!v) cache.set(key, (v = ajv.compile(schema as object)));
    return v;
  }

  function problem(opId: string, status: number, message: string, details: ErrorDetail[] = []) {
    return { opId, status, message, details };
  }

  function inspect(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const opId = request.routeOptions.config?.operationId;
    const status = reply.statusCode;
    const contentType = String(reply.getHeader('content-type') ?? '');
    const media = contentType.split(';')[0]!.trim().toLowerCase();
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? null : payload == null ? '' : null;
    const isEmpty = payload == null || payload === '' || (Buffer.isBuffer(payload) && payload.length === 0);

    const asJson = (): { ok: true; value: unknown } | { ok: false } => {
      const source = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
      if (source === null) return { ok: false };
      try {
        return { ok: true, value: JSON.parse(source) };
      } catch {
        return { ok: false };
      }
    };

    const op = opId ? operations.get(opId) : undefined;
    const declared = op ? op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default : undefined;

    if (!declared) {
      if (status >= 400) {
        const body = asJson();
        if (body.ok && validateError(body.value)) return null;
        return problem(opId ?? '(no route)', status, `error response ${status} is not a valid Error body`, toDetails(validateError.errors ?? [], 'body'));
      }
      return problem(opId ?? '(no route)', status, `status ${status} is not declared for ${opId ?? 'this route'}`);
    }
    const content = declared.content as Record<string, { schema?: unknown }> | undefined;
    if (!content) {
      return isEmpty ? null : problem(opId!, status, `status ${status} must have no body`);
    }
    const entry = content[media];
    if (!entry) {
      return problem(opId!, status, `content type "${media || '(none)'}" is not declared (expected ${Object.keys(content).join(', ')})`);
    }
    if (!entry.schema) return null;
    if (media === 'application/json' || media.endsWith('+json')) {
      const body = asJson();
      if (!body.ok) return problem(opId!, status, 'body is not valid JSON');
      const validate = validator(`${opId} ${status} ${media}`, entry.schema);
      if (!validate(body.value)) {
        return problem(opId!, status, 'body does not match the schema', toDetails(validate.errors ?? [], 'body'));
      }
      return null;
    }
    if (media.startsWith('text/')) {
      if (text === null && !Buffer.isBuffer(payload)) return null;
      const value = text ?? (payload as Buffer).toString('utf8');
      const validate = validator(`${opId} ${status} ${media}`, entry.schema);
      return validate(value) ? null : problem(opId!, status, 'text body does not match the schema', toDetails(validate.errors ?? [], 'body'));
    }
    return null;
  }

  return async function check(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    // CORS preflights are answered by the CORS plugin, not by an operation of the API.
    if (request.method === 'OPTIONS') return payload;
    const found = inspect(request, reply, payload);
    if (!found) return payload;
    log.error({ ...found, url: request.url }, 'response does not match the OpenAPI description');
    reply.code(500);
    reply.header('content-type', 'application/json; charset=utf-8');
    reply.removeHeader('x-total-count');
    return JSON.stringify({
      key: 'glsErr.responseInvalid',
      message: `Response of ${found.opId} (${found.status}) does not match the API description: ${found.message}.`,
      arguments: [found.opId, String(found.status)],
      details: found.details.length > 0 ? found.details : [{ message: found.message }],
    });
  };
}
