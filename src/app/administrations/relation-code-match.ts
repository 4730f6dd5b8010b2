/**
 * @module relation-code-match
 * Whether the Loket employer a Relatiecode resolves to is the same company as the Yuki administration:
 * the same KvK number, or the same name once legal forms, punctuation and case are set aside.
 */

/** What one side knows of the company; null where that side does not say. */
export type CompanyFacts = { name: string; cocNumber: string | null; payrollTaxesNumber?: string | null };

/** Legal forms that Yuki and Loket spell differently (B.V., BV, b.v.) and that do not tell companies apart. */
const LEGAL_FORMS = new Set(['bv', 'nv', 'vof', 'cv', 'bvba', 'ltd', 'gmbh']);

/** Lower case, accents and punctuation gone, legal forms dropped, single spaces. */
export function normaliseCompanyName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // "B.V." and "b.v" become "bv" before punctuation turns into spaces.
    .replace(/\b([a-z])\.(?=[a-z]\.?)/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!)) words.pop();
  return words.join(' ');
}

function digits(value: string | null | undefined): string {
  return (value ?? '').replace(/\D/g, '');
}

/** Same KvK number → same company; otherwise the normalised names decide. */
export function sameCompany(yuki: CompanyFacts, loket: CompanyFacts): boolean {
  const yukiCoc = digits(yuki.cocNumber);
  const loketCoc = digits(loket.cocNumber);
  if (yukiCoc !== '' && yukiCoc === loketCoc) return true;
  return normaliseCompanyName(yuki.name) === normaliseCompanyName(loket.name);
}
