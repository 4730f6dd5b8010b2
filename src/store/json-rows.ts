/**
 * @module store/json-rows
 * Many rows or values as one parameter (issue 13 P1): `json_populate_recordset` reads rows from one JSON
 * document. A thousand import items as VALUES were ~16,000 parameters, which PGlite serialises one by
 * one: the insert took three times as long.
 */
import { getTableColumns, getTableName, sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * `(columns) select columns from json_populate_recordset(…)` for `rows`, to follow `insert into table`.
 * Columns are those any row sets; a row without one gets null (as VALUES would give a column without a
 * default). Dates go as ISO text, objects as JSON (what a jsonb column stores).
 */
export function jsonRowsSelect<Table extends PgTable>(
  table: Table,
  rows: ReadonlyArray<Partial<Table['$inferInsert']>>,
): SQL {
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column.name;
  });
  const records = rows.map((row) =>
    Object.fromEntries(keys.map((key, at) => [names[at], (row as Record<string, unknown>)[key] ?? null])),
  );
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  return sql`(${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(records)}::json)`;
}

/**
 * `column in (values)` with the values as one JSON parameter, however many there are; a placeholder of a
 * prepared statement takes them as `JSON.stringify(values)`.
 */
export function inJsonArray(column: Column, values: readonly string[] | Placeholder): SQL {
  const json = Array.isArray(values) ? JSON.stringify(values) : values;
  return sql`${column} = any(array(select json_array_elements_text(${json}::json))::${sql.raw(column.getSQLType())}[])`;
}
