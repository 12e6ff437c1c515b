export { Paginated, DEFAULT_PAGE_SIZE, type Page, type PageFetcher, type FetchedPage, type PaginatedOptions } from './paginated.js';
