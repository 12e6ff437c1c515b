/**
 * The client's middleware, one concern per file, registered on openapi-fetch in this order:
 *
 *   1. network  - maps `fetch` failures to ConnectionError / AbortError   (onError)
 *   2. errors   - makes empty and non-JSON success bodies safe             (onResponse)
 *   3. auth     - adds the bearer token; re-login and replay on 401        (onRequest, onResponse)
 *
 * Ordering rule (openapi-fetch's): `onRequest` runs in registration order, `onResponse` and
 * `onError` in reverse. So auth sets the token last, just before the request is copied and
 * sent, and sees a 401 first, so that the replayed response still passes through `errors`.
 * Middleware added later with `client.raw.use()` runs after ours on the way out and before ours
 * on the way back; if it replaces the request object, a 401 on that call is not replayed.
 */
export { authMiddleware, type AuthHandle } from './auth.js';
export { errorsMiddleware } from './errors.js';
export { networkMiddleware, toNetworkError } from './network.js';
