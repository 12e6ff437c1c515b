import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Role } from '../store/users.js';

/** The spec as a plain object. */
export type OpenApiDocument = Record<string, any>;

/** What the emulator needs to know about one operation, read from the spec. */
export interface OperationInfo {
  operationId: string;
  method: string;
  /** The spec path (`/api/1.0/instances/{instanceId}/features`). */
  path: string;
  /** The fastify URL (`/api/1.0/instances/:instanceId/features`). */
  url: string;
  /** `x-licensedesk-roles`: any one suffices; empty = no token needed. */
  roles: Role[];
  /** `x-licensedesk-self-allowed`: users may call it for their own account. */
  selfAllowed: boolean;
  /** Response objects by status code (dereferenced). */
  responses: Record<string, any>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * Finds the OpenAPI description: next to the built files first (copied at build), then the
 * package root, then the workspace's `openapi` folder.
 */
export function resolveSpecFile(explicit?: string): string {
  if (explicit) return explicit;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'license-server.yaml'),
    join(here, '..', 'license-server.yaml'),
    join(here, '..', '..', 'license-server.yaml'),
    join(here, '..', '..', '..', 'openapi', 'license-server.yaml'),
    join(here, '..', '..', '..', '..', 'openapi', 'license-server.yaml'),
  ];
  for (const file of candidates) if (existsSync(file)) return file;
  try {
    return createRequire(import.meta.url).resolve('@licensedesk/openapi/license-server.yaml');
  } catch {
    throw new Error(`Cannot find license-server.yaml (looked in ${candidates.join(', ')})`);
  }
}

export function loadSpec(file: string): OpenApiDocument {
  return parseYaml(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** Replaces every local `$ref` with (a copy of) what it points at. The spec has no cycles. */
export function dereference(doc: OpenApiDocument, node: unknown, seen: string[] = []): any {
  if (Array.isArray(node)) return node.map((n) => dereference(doc, n, seen));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (typeof obj.$ref === 'string' && obj.$ref.startsWith('#/')) {
    const ref = obj.$ref;
    if (seen.includes(ref)) throw new Error(`Recursive $ref ${ref} is not supported`);
    const target = ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<any>((acc, key) => acc?.[key], doc);
    if (target === undefined) throw new Error(`Unresolved $ref ${ref}`);
    const { $ref: _ignored, ...siblings } = obj;
    const resolved = dereference(doc, target, [...seen, ref]);
    return Object.keys(siblings).length > 0 && resolved && typeof resolved === 'object'
      ? { ...resolved, ...dereference(doc, siblings, seen) }
      : resolved;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = dereference(doc, v, seen);
  return out;
}

/** Every operation of the spec, keyed by operationId. */
export function readOperations(doc: OpenApiDocument): Map<string, OperationInfo> {
  const ops = new Map<string, OperationInfo>();
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const operationId: string = op.operationId ?? `${method}${path}`;
      const roles = Array.isArray(op['x-licensedesk-roles']) ? (op['x-licensedesk-roles'] as Role[]) : ['ROLE_ADMIN' as Role];
      ops.set(operationId, {
        operationId,
        method: method.toUpperCase(),
        path,
        url: path.replace(/{(\w+)}/g, ':$1'),
        roles,
        selfAllowed: op['x-licensedesk-self-allowed'] === true,
        responses: dereference(doc, op.responses ?? {}),
      });
    }
  }
  return ops;
}
