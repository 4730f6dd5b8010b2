import { describe, expect, it } from 'vitest';
import {
  matches,
  pageBounds,
  parseFilter,
  parseOrderBy,
  parsePaging,
  QueryError,
  sortItems,
} from './query.ts';

const employers = [
  {
    companyName: 'Bakkerij De Vries B.V.',
    clientNumber: 10231,
    address: { city: 'Utrecht', houseNumber: 12 },
    endDate: null,
  },
  {
    companyName: "Van der Berg 's-Hertogenbosch",
    clientNumber: 20417,
    address: { city: 'Zwolle', houseNumber: 3 },
    endDate: '2025-12-31',
  },
  {
    companyName: 'Çelik Hoveniers',
    clientNumber: 20418,
    address: { city: 'zwolle', houseNumber: 7 },
    endDate: null,
  },
];

function names(filter: string): string[] {
  const parsed = parseFilter(filter);
  return employers.filter((item) => matches(parsed, item)).map((item) => item.companyName);
}

describe('filter', () => {
  it('compares numbers, case-insensitive strings and dotted fields', () => {
    expect(names('clientNumber eq 20417')).toEqual(["Van der Berg 's-Hertogenbosch"]);
    expect(names("ADDRESS.CITY eq 'ZWOLLE'")).toHaveLength(2);
    expect(names('address.houseNumber ge 7')).toEqual(['Bakkerij De Vries B.V.', 'Çelik Hoveniers']);
    expect(names("companyName lk 'hoven'")).toEqual(['Çelik Hoveniers']);
  });

  it('handles null, quotes inside strings, and/or precedence and parentheses', () => {
    expect(names('endDate eq null')).toHaveLength(2);
    expect(names('endDate ne null')).toEqual(["Van der Berg 's-Hertogenbosch"]);
    expect(names("companyName eq 'Van der Berg ''s-Hertogenbosch'")).toHaveLength(1);
    expect(names("clientNumber eq 10231 or address.city eq 'zwolle' and clientNumber lt 20418")).toHaveLength(
      2,
    );
    expect(
      names("(clientNumber eq 10231 or address.city eq 'zwolle') and clientNumber lt 20418"),
    ).toHaveLength(2);
    expect(
      names("(clientNumber eq 10231 or address.city eq 'utrecht') and clientNumber gt 20000"),
    ).toHaveLength(0);
    expect(names('endDate le 2026-01-01')).toEqual(["Van der Berg 's-Hertogenbosch"]);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseFilter('clientNumber is 3')).toThrow(QueryError);
    expect(() => parseFilter('clientNumber eq')).toThrow(QueryError);
    expect(() => parseFilter('(clientNumber eq 3')).toThrow(QueryError);
    expect(() => parseFilter("a eq 'x' b")).toThrow(QueryError);
  });
});

describe('orderBy and paging', () => {
  it('sorts ascending and descending on several fields', () => {
    const sorted = sortItems(employers, parseOrderBy('address.city,-clientNumber'));
    expect(sorted.map((item) => item.clientNumber)).toEqual([10231, 20418, 20417]);
    expect(() => parseOrderBy('name;drop')).toThrow(QueryError);
  });

  it('computes page bounds from 1-based pages with a default of 250', () => {
    expect(parsePaging(undefined, undefined)).toEqual({ pageNumber: 1, pageSize: 250 });
    expect(pageBounds({ pageNumber: 3, pageSize: 250 }, 650)).toEqual({ start: 500, end: 650 });
    expect(pageBounds({ pageNumber: 4, pageSize: 250 }, 650)).toEqual({ start: 650, end: 650 });
    expect(() => parsePaging('0', '10')).toThrow(QueryError);
  });
});
