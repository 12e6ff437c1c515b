import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ApiError, type ErrorDetail } from '../errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = (addFormatsModule as typeof addFormatsModule & { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/** OpenAPI formats that are annotations only. */
const ANNOTATION_FORMATS = ['binary', 'byte', 'password', 'int32', 'int64', 'float', 'double'];

/**
 * An ajv instance for OpenAPI 3.1 schemas (JSON Schema 2020-12). Bodies are validated without
 * type coercion (a string count stays an error); query, path and header values arrive as text
 * and are coerced.
 */
export function createAjv(options: { coerce: boolean }): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    coerceTypes: options.coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    addUsedSchema: false,
    validateFormats: true,
  });
  addFormats(ajv);
  for (const name of ANNOTATION_FORMATS) ajv.addFormat(name, true);
  return ajv;
}

/** `/1/reservations/0/hostId` -> `$[1].reservations[0].hostId`. */
export function jsonPath(instancePath: string, extra?: string): string {
  let path = '$';
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  for (const part of parts) {
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) path += `.${part}`;
    else path += `[${JSON.stringify(part)}]`;
  }
  return path;
}

function extraProperty(error: ErrorObject): string | undefined {
  const p = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return String(p.missingProperty);
  if (error.keyword === 'additionalProperties') return String(p.additionalProperty);
  if (error.keyword === 'propertyNames') return String(p.propertyName);
  return undefined;
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return 'is not allowed here';
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    return `must be one of ${allowed?.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (error.keyword === 'required') return 'is required';
  return error.message ?? 'is invalid';
}

/**
 * Turns ajv errors into `details`: body paths as JSON paths (`$.reservations[0].hostId`),
 * query and path parameters by name. Duplicates and the noise of failed `oneOf` branches are
 * dropped.
 */
export function toDetails(errors: readonly ErrorObject[], part: string): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  const meaningful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  for (const error of meaningful.length > 0 ? meaningful : errors) {
    const extra = extraProperty(error);
    let path: string;
    if (part === 'body') path = jsonPath(error.instancePath, extra);
    else {
      const name = [...error.instancePath.split('/').slice(1), ...(extra ? [extra] : [])].join('.');
      path = name || part;
    }
    const message = messageOf(error);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push({ path, message });
  }
  return details;
}

const PART_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** The 400 answer for a request that does not match the spec. */
export function invalidRequest(errors: readonly ErrorObject[], part: string): ApiError {
  const details = toDetails(errors, part);
  const where = PART_NAMES[part] ?? part;
  const fields = details.map((d) => d.path).join(', ');
  return new ApiError(400, 'glsErr.invalidRequest', `Invalid request ${where}: ${fields || 'does not match the API description'}.`, {
    args: details.map((d) => d.path ?? ''),
    details,
  });
}

export type { ValidateFunction };
