/**
 * @module loket/paging
 * Walks Loket's pages (`pageNumber` from 1) and yields the items one by one. It stops on the last page
 * or on an empty `_embedded`, because an empty result may report `totalPages: 0`.
 */
import type { ListEnvelope } from './schemas.ts';

export function isLastPage(
  page: Pick<ListEnvelope<unknown>, 'currentPage' | 'totalPages' | '_embedded'>,
): boolean {
  return page._embedded.length === 0 || page.currentPage >= page.totalPages;
}

export async function* paginate<T>(
  fetchPage: (pageNumber: number) => Promise<ListEnvelope<T>>,
): AsyncGenerator<T> {
  for (let pageNumber = 1; ; pageNumber += 1) {
    const page = await fetchPage(pageNumber);
    yield* page._embedded;
    if (isLastPage(page)) return;
  }
}

/** Every item of a listing in one array, for callers that need them all at once (Array.fromAsync is ES2024). */
export async function collectAll<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
