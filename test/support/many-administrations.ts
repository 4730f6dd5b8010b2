/**
 * @module many-administrations
 * A large firm seeded through the schema's tables with INSERT … SELECT generate_series, for the page
 * speed benchmark and the paging tests: domains named `Domein 00001…` with `perDomain` administrations
 * each (Relatiecode 500001…), and per administration `items` import items over ten months of which one
 * in a hundred failed and one in 500 waits for a check in Yuki.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../src/store/database.ts';
import { administrations, domains, importItems } from '../../src/store/schema/index.ts';

const column = (name: { name: string }) => sql.identifier(name.name);
export const FIRST_RELATION_CODE = 500_001;

export async function seedAdministrations(
  db: Database,
  options: { portalId: string; administrations: number; perDomain: number; items: number },
): Promise<void> {
  const { portalId, perDomain } = options;
  await db.execute(sql`
    insert into ${domains} (${column(domains.portalId)}, ${column(domains.name)})
    select ${portalId}, 'Domein ' || lpad(n::text, 5, '0') from generate_series(1, ${options.administrations / perDomain}) n`);
  await db.execute(sql`
    insert into ${administrations} (${column(administrations.portalId)}, ${column(administrations.domainId)},
      ${column(administrations.name)}, ${column(administrations.isStandard)}, ${column(administrations.relationCode)})
    select ${portalId}, d.id, d.name || ' administratie ' || k, k = 1,
      ${FIRST_RELATION_CODE - 1} + row_number() over (order by d.name, k)
    from ${domains} d cross join generate_series(1, ${perDomain}) k
    where d.${column(domains.portalId)} = ${portalId} and d.${column(domains.name)} like 'Domein %'`);
  await seedItems(
    db,
    sql`a.${column(administrations.relationCode)} >= ${FIRST_RELATION_CODE}`,
    options.items,
  );
}

/** Items `first`… (`count` of them) for each administration `a` that `where` selects. */
export async function seedItems(db: Database, where: SQL, count: number, first = 1): Promise<void> {
  await db.execute(sql`
    insert into ${importItems} (${column(importItems.key)}, ${column(importItems.marker)},
      ${column(importItems.administrationId)}, ${column(importItems.kind)}, ${column(importItems.loketObjectId)},
      ${column(importItems.version)}, ${column(importItems.periodId)}, ${column(importItems.periodEndDate)},
      ${column(importItems.state)}, ${column(importItems.subject)}, ${column(importItems.yukiDocumentId)})
    select a.id || '/' || i, substr(md5(a.id || '/' || i), 1, 12), a.id,
      (array['payslip', 'journal', 'tax_return'])[1 + i % 3], 'seed/' || i, '1',
      202612 - (i % 10), '2026-12-31',
      case when i % 100 = 7 then 'failed' when i % 500 = 3 then 'needs_check' else 'posted' end,
      'Loonstrook ' || i, case when i % 100 = 7 or i % 500 = 3 then null else 'doc-' || i end
    from ${administrations} a cross join generate_series(${first}::int, ${first + count - 1}::int) i
    where ${where}`);
}
