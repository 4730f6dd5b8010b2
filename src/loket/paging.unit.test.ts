import { describe, expect, it } from 'vitest';
import { isLastPage, paginate } from './paging.ts';
import type { ListEnvelope } from './schemas.ts';

function pages(total: number, size: number) {
  const requested: number[] = [];
  const fetchPage = async (pageNumber: number): Promise<ListEnvelope<number>> => {
    requested.push(pageNumber);
    const start = (pageNumber - 1) * size;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    return {
      totalSize: total,
      pageSize: size,
      totalPages: Math.ceil(total / size),
      currentPage: pageNumber,
      _embedded: items,
    };
  };
  return { fetchPage, requested };
}

describe('paging', () => {
  it('yields every item across pages and stops on the last one', async () => {
    const { fetchPage, requested } = pages(650, 250);
    const items: number[] = [];
    for await (const item of paginate(fetchPage)) items.push(item);
    expect(items).toHaveLength(650);
    expect(items.at(-1)).toBe(649);
    expect(requested).toEqual([1, 2, 3]);
  });

  it('stops on an empty result that reports zero pages', async () => {
    const { fetchPage, requested } = pages(0, 250);
    const items: number[] = [];
    for await (const item of paginate(fetchPage)) items.push(item);
    expect(items).toEqual([]);
    expect(requested).toEqual([1]);
  });

  it('treats an empty page as the end even when totalPages says more', () => {
    expect(isLastPage({ currentPage: 2, totalPages: 5, _embedded: [] })).toBe(true);
    expect(isLastPage({ currentPage: 2, totalPages: 5, _embedded: [1] })).toBe(false);
  });
});
