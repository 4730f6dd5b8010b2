/**
 * @module query
 * Loket's collection query parameters: `filter` (eq ne lt le gt ge lk, and/or, parentheses, dotted
 * fields, null; names and values case-insensitive), `orderBy` (comma-separated, `-` descending) and
 * `pageNumber`/`pageSize` (defaults 1 and 250).
 */

export class QueryError extends Error {}

type Value = string | number | boolean | null;
type Comparison = { field: string[]; operator: Operator; value: Value };
export type Filter =
  { kind: 'compare'; comparison: Comparison } | { kind: 'and' | 'or'; left: Filter; right: Filter };
type Operator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'lk';

const OPERATORS = new Set<string>(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'lk']);
const TOKEN = /\s*(?:(\()|(\))|'((?:[^']|'')*)'|([^\s()']+))/y;

type Token = { kind: 'open' | 'close' | 'string' | 'word'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(source);
    if (!match) throw new QueryError(`Cannot read the filter near '${source.slice(TOKEN.lastIndex)}'.`);
    if (match[1]) tokens.push({ kind: 'open', text: '(' });
    else if (match[2]) tokens.push({ kind: 'close', text: ')' });
    else if (match[3] !== undefined) tokens.push({ kind: 'string', text: match[3].replaceAll("''", "'") });
    else tokens.push({ kind: 'word', text: match[4] ?? '' });
  }
  return tokens;
}

function literal(token: Token): Value {
  if (token.kind === 'string') return token.text;
  const word = token.text.toLowerCase();
  if (word === 'null') return null;
  if (word === 'true' || word === 'false') return word === 'true';
  if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
  // Unquoted dates and GUIDs, as Loket's own examples use them.
  return token.text;
}

/** Parses a filter expression; `and` binds tighter than `or`. */
export function parseFilter(source: string): Filter {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const take = () => {
    const token = tokens[position++];
    if (!token) throw new QueryError('The filter ends too early.');
    return token;
  };
  const keyword = (word: string) => peek()?.kind === 'word' && peek()?.text.toLowerCase() === word;

  function primary(): Filter {
    if (peek()?.kind === 'open') {
      take();
      const inner = disjunction();
      if (take().kind !== 'close') throw new QueryError('A parenthesis in the filter is not closed.');
      return inner;
    }
    const field = take();
    const operator = take();
    const value = take();
    if (field.kind !== 'word' || !/^[\w.]+$/.test(field.text))
      throw new QueryError(`'${field.text}' is not a field name.`);
    if (operator.kind !== 'word' || !OPERATORS.has(operator.text.toLowerCase())) {
      throw new QueryError(`'${operator.text}' is not a filter operator (eq ne lt le gt ge lk).`);
    }
    if (value.kind !== 'string' && value.kind !== 'word') throw new QueryError('A filter value is missing.');
    return {
      kind: 'compare',
      comparison: {
        field: field.text.split('.'),
        operator: operator.text.toLowerCase() as Operator,
        value: literal(value),
      },
    };
  }
  function conjunction(): Filter {
    let left = primary();
    while (keyword('and')) {
      take();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  }
  function disjunction(): Filter {
    let left = conjunction();
    while (keyword('or')) {
      take();
      left = { kind: 'or', left, right: conjunction() };
    }
    return left;
  }

  const filter = disjunction();
  if (position !== tokens.length)
    throw new QueryError(`Unexpected '${tokens[position]?.text}' in the filter.`);
  return filter;
}

/** Reads a dotted field case-insensitively. */
export function fieldValue(item: unknown, path: readonly string[]): unknown {
  let current = item;
  for (const name of path) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = Object.keys(current).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    current = key === undefined ? undefined : (current as Record<string, unknown>)[key];
  }
  return current;
}

function normalise(value: unknown): Value | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}

function compare({ field, operator, value }: Comparison, item: unknown): boolean {
  const actual = normalise(fieldValue(item, field));
  const expected = normalise(value);
  if (actual === undefined) return false;
  if (operator === 'eq')
    return actual === expected || (typeof actual === 'number' && actual === Number(expected));
  if (operator === 'ne')
    return !(actual === expected || (typeof actual === 'number' && actual === Number(expected)));
  if (actual === null || expected === null) return false;
  if (operator === 'lk') return String(actual).includes(String(expected).replaceAll('%', ''));
  const left = typeof actual === 'number' ? actual : String(actual);
  const right = typeof actual === 'number' ? Number(expected) : String(expected);
  if (operator === 'lt') return left < right;
  if (operator === 'le') return left <= right;
  if (operator === 'gt') return left > right;
  return left >= right;
}

export function matches(filter: Filter, item: unknown): boolean {
  if (filter.kind === 'compare') return compare(filter.comparison, item);
  if (filter.kind === 'and') return matches(filter.left, item) && matches(filter.right, item);
  return matches(filter.left, item) || matches(filter.right, item);
}

export type OrderBy = Array<{ field: string[]; descending: boolean }>;

/** Parses `-companyName,address.houseNumber`. */
export function parseOrderBy(source: string): OrderBy {
  if (!/^-?[\w.]+(,-?[\w.]+)*$/.test(source)) throw new QueryError(`'${source}' is not a valid orderBy.`);
  return source
    .split(',')
    .map((part) => ({ field: part.replace(/^-/, '').split('.'), descending: part.startsWith('-') }));
}

export function sortItems<T>(items: T[], orderBy: OrderBy): T[] {
  const rank = (value: unknown): [number, number | string] =>
    value === null || value === undefined
      ? [0, 0]
      : typeof value === 'number'
        ? [1, value]
        : [1, String(value).toLowerCase()];
  return [...items].sort((a, b) => {
    for (const { field, descending } of orderBy) {
      const [nullA, left] = rank(fieldValue(a, field));
      const [nullB, right] = rank(fieldValue(b, field));
      const order = nullA - nullB || (left < right ? -1 : left > right ? 1 : 0);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}

export type Paging = { pageNumber: number; pageSize: number };

export const DEFAULT_PAGE_SIZE = 250;

/** Reads pageNumber and pageSize; Loket counts pages from 1. */
export function parsePaging(pageNumber: string | undefined, pageSize: string | undefined): Paging {
  const number = pageNumber === undefined ? 1 : Number(pageNumber);
  const size = pageSize === undefined ? DEFAULT_PAGE_SIZE : Number(pageSize);
  if (!Number.isInteger(number) || number < 1)
    throw new QueryError('pageNumber must be a whole number of at least 1.');
  if (!Number.isInteger(size) || size < 1)
    throw new QueryError('pageSize must be a whole number of at least 1.');
  return { pageNumber: number, pageSize: size };
}

/** The [start, end) indexes of a page over `total` items. */
export function pageBounds(paging: Paging, total: number): { start: number; end: number } {
  const start = Math.min(total, (paging.pageNumber - 1) * paging.pageSize);
  return { start, end: Math.min(total, start + paging.pageSize) };
}
