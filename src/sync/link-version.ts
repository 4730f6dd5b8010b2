/**
 * @module sync/link-version
 * A fingerprint of every row an administration's link is loaded from (issue 13 P1): each row's `xmin`
 * (PostgreSQL gives a row a new one on every update) and, for the sets, their count and newest `xmin`.
 * The claim statement returns it, so a link cached at that fingerprint is exactly what the database
 * holds at the moment of the claim; any settings change (a Relatiecode, a Yuki administration, a key,
 * a mapping, a contract line) gives a new fingerprint and the link is loaded again.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** `count/newest xmin` of a set: a delete lowers the count, an insert or update raises the newest xmin. */
const setVersion = (table: string, alias: string, where: string) =>
  sql.raw(
    `(select count(*) || '/' || coalesce(max(${alias}.xmin::text::bigint), 0) from ${table} ${alias} where ${where})`,
  );

/** SQL text of the link version of the administration `administrationId` names; null when it is gone. */
export function linkVersion(administrationId: SQLWrapper): SQL<string | null> {
  return sql<
    string | null
  >`(select concat_ws(':', lv_a.xmin, lv_d.xmin, lv_p.xmin, coalesce(lv_c.xmin::text, '-'),
    ${setVersion('domain_features', 'lv_f', 'lv_f.domain_id = lv_a.domain_id')},
    ${setVersion('contract_lines', 'lv_l', 'lv_l.administration_id = lv_a.id')},
    ${setVersion('gl_account_mappings', 'lv_m', 'lv_m.portal_id = lv_a.portal_id and (lv_m.administration_id is null or lv_m.administration_id = lv_a.id)')})
    from administrations lv_a
    join domains lv_d on lv_d.id = lv_a.domain_id
    join portals lv_p on lv_p.id = lv_a.portal_id
    left join loket_connections lv_c on lv_c.domain_id = lv_a.domain_id
    where lv_a.id = ${administrationId})`;
}
