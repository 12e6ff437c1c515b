/**
 * Errors middleware: makes every response safe to parse. openapi-fetch parses a successful
 * body as JSON; a success without a body (no `Content-Length`: 0 but empty) or a success whose
 * body is not JSON (a proxy's HTML login page) would throw a `SyntaxError` there. This
 * middleware hands empty successes on as "no body" (`data: undefined`) and turns a non-JSON
 * success into a {@link LicenseServerError} that keeps the raw text. Error answers (4xx/5xx)
 * need nothing here: openapi-fetch keeps their raw text when it is not JSON, and the resource
 * helpers build typed errors from it.
 */
import type { Middleware } from 'openapi-fetch';
import { LicenseServerError } from '../errors/errors.js';

function withoutBody(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Length', '0');
  return new Response(null, { status: response.status, statusText: response.statusText, headers });
}

/** Creates the errors middleware. */
export function errorsMiddleware(): Middleware {
  return {
    async onResponse({ request, response, options }) {
      if (!response.ok || response.status === 204 || request.method === 'HEAD') return undefined;
      if (options.parseAs !== 'json' || response.headers.get('Content-Length') === '0') return undefined;

      const bytes = await response.arrayBuffer();
      const text = new TextDecoder().decode(bytes);
      if (text.trim() === '') return withoutBody(response);
      try {
        JSON.parse(text);
      } catch {
        const type = response.headers.get('Content-Type') ?? 'no content type';
        throw new LicenseServerError({
          status: response.status,
          body: text,
          headers: response.headers,
          url: request.url,
          message: `The license server at ${request.url} answered ${response.status} with a body that is not JSON (${type}).`,
        });
      }
      return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
  };
}
