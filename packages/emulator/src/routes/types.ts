import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.js';

/**
 * A route handler: gets the server context, the (already validated and authorised) request and
 * the reply. Whatever it returns is sent as JSON with status 200 unless it set another status
 * or sent the reply itself. Throw `ApiError` for error answers.
 */
export type RouteHandler = (ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply) => unknown;

/** A route module's export: operationId (from the spec) -> handler. */
export type RouteHandlers = Record<string, RouteHandler>;
