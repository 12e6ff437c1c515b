import type { FastifyReply, FastifyRequest } from 'fastify';

/** `pageSize`/`pageNumber` as SQL LIMIT/OFFSET; without pageSize the whole list. */
export interface Page {
  limit: number;
  offset: number;
}

export function pageOf(request: FastifyRequest): Page {
  const q = (request.query ?? {}) as { pageSize?: number; pageNumber?: number };
  if (!q.pageSize) return { limit: -1, offset: 0 };
  const number = q.pageNumber ?? 1;
  return { limit: q.pageSize, offset: (number - 1) * q.pageSize };
}

/** Cuts an in-memory list to the requested page. */
export function slicePage<T>(items: readonly T[], page: Page): T[] {
  return page.limit < 0 ? items.slice(page.offset) : items.slice(page.offset, page.offset + page.limit);
}

/** Sets `X-Total-Count` and returns the page's items. */
export function sendList<T>(reply: FastifyReply, total: number, items: T[]): T[] {
  reply.header('x-total-count', String(total));
  return items;
}
