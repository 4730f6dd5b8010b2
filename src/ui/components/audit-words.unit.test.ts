import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n.ts';
import { auditActionWords, auditFieldWords, auditSentence, refusalReasonWords } from './audit-words.ts';

/** Every `action: '…'` literal written to the audit log or the refusal counts in src/. */
function actionCodesInSource(): string[] {
  const root = join(import.meta.dirname, '../..');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter(
    (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith('ui/'),
  );
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(/action: '([a-z_.]+)'/g)) codes.add(match[1]!);
    // Template actions (`domain.feature.${change}`) expand to their known variants below.
    for (const match of text.matchAll(/action: `([a-z_.]+)\.\$\{/g)) codes.add(`${match[1]}.*`);
  }
  return [...codes].sort();
}

const VARIANTS: Record<string, string[]> = {
  'domain.feature.*': ['domain.feature.add', 'domain.feature.remove'],
  'contract_line.*': ['contract_line.grant', 'contract_line.refuse', 'contract_line.revoke'],
};

describe('audit actions in words', () => {
  it('has Dutch and English words for every action code in the code base', () => {
    const codes = actionCodesInSource().flatMap((code) => VARIANTS[code] ?? [code]);
    // Refusals of authorize.ts are written through a ternary, not a literal.
    codes.push('link.refused', 'access.refused', 'import.previewed', 'import.backfill_previewed');
    expect(codes).toContain('portal.loket_settings.update');
    const nl = translator('nl');
    const en = translator('en');
    const missing = codes.filter((code) => auditActionWords(nl, code).startsWith('Handeling '));
    expect(missing).toEqual([]);
    for (const code of codes) expect(auditActionWords(en, code), code).not.toMatch(/^Action /);
  });

  it('says who did what, by name when known, and shows an unknown code rather than hiding it', () => {
    const nl = translator('nl');
    expect(
      auditSentence(nl, {
        action: 'portal.loket_settings.update',
        actorLabel: 'a@x.nl',
        actorName: 'Anna Jansen',
      }),
    ).toBe('Loket instellingen gewijzigd door Anna Jansen');
    expect(auditSentence(translator('en'), { action: 'auth.login', actorLabel: 'scheduler' })).toBe(
      'Signed in by the scheduler',
    );
    expect(auditActionWords(nl, 'something.new')).toBe('Handeling something.new');
    expect(refusalReasonWords(nl, 'wrong_password')).toBe('verkeerd wachtwoord');
    expect(refusalReasonWords(nl, 'odd')).toBe('odd');
    expect(auditFieldWords(nl, 'yukiAccessKey')).toBe('Yuki-toegangssleutel');
    expect(auditFieldWords(translator('en'), 'relationCode')).toBe('relation code');
  });
});
