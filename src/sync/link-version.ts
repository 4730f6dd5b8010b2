/**
 * @module sync/link-version
 * A fingerprint of every row an administration's link is loaded from (issue 13 P1): the `xmin` (PostgreSQL
 * gives a row a new one on every update) of its administration, domain, portal and Loket connection. The sets
 * the link also reads — domain features, contract lines, GL mappings — touch their owner's row on every change
 * (migration 0016), so four key lookups see them too. The claim statement returns the fingerprint, so a link
 * cached at it is exactly what the database holds at the moment of the claim; any settings change (a
 * Relatiecode, a Yuki administration, a key, a mapping, a contract line) gives a new fingerprint.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** SQL text of the link version of the administration `administrationId` names; null when it is gone. */
export function linkVersion(administrationId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(select concat_ws(':', lv_a.xmin, lv_d.xmin, lv_p.xmin, coalesce(lv_c.xmin::text, '-'))
    from administrations lv_a
    join domains lv_d on lv_d.id = lv_a.domain_id
    join portals lv_p on lv_p.id = lv_a.portal_id
    left join loket_connections lv_c on lv_c.domain_id = lv_a.domain_id
    where lv_a.id = ${administrationId})`;
}
